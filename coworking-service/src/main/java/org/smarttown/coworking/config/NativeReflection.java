package org.smarttown.coworking.config;

import org.smarttown.coworking.booking.BookingEvents;
import org.smarttown.coworking.member.MemberApproved;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What a native image must keep for reflection beyond the REST bodies Quarkus finds on its own:
 * the events Jackson writes into the outbox (records nested in BookingEvents, included). The
 * calendars are written by ical4j, whose factories native-image finds through ServiceLoader.
 */
@RegisterForReflection(targets = { BookingEvents.class, MemberApproved.class })
final class NativeReflection {

    private NativeReflection() {
    }
}
