package org.smarttown.mentoring.config;

import org.smarttown.mentoring.booking.SessionEvent;
import org.smarttown.mentoring.catalog.Availability;
import org.smarttown.mentoring.partner.PartnerScopesFilter;
import org.smarttown.mentoring.partner.PartnerTokenUrlFilter;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What a native image must keep for reflection beyond the REST bodies Quarkus finds on its own:
 * the session events Jackson writes into the outbox and into webhook payloads, a mentor's
 * availability kept as a JSON column (nested rules included), and the OpenAPI filter, which
 * SmallRye creates by its class name when the document is prepared at start.
 */
@RegisterForReflection(targets = { SessionEvent.class, Availability.class, PartnerScopesFilter.class,
        PartnerTokenUrlFilter.class })
final class NativeReflection {

    private NativeReflection() {
    }
}
