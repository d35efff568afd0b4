package org.smarttown.mentoring.config;

import org.smarttown.mentoring.booking.SessionEvent;
import org.smarttown.mentoring.catalog.Availability;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What a native image must keep for reflection beyond the REST bodies Quarkus finds on its own:
 * the session events Jackson writes into the outbox and into webhook payloads, and a mentor's
 * availability kept as a JSON column (nested rules included).
 */
@RegisterForReflection(targets = { SessionEvent.class, Availability.class })
final class NativeReflection {

    private NativeReflection() {
    }
}
