package org.smarttown.care.alert;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.smarttown.care.profile.EmergencyContact;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What care-service publishes on care.events (contracts: src/test/resources/contracts/Alert*.json). */
public final class AlertEvents {

    public static final String ADDRESS = "care.events";

    private AlertEvents() {
    }

    public record AlertRaised(UUID alertId, UUID residentId, AlertKind kind, AlertLevel level, OffsetDateTime raisedAt) {
        public static final String TYPE = "AlertRaised";
    }

    public record AlertEscalated(UUID alertId, UUID residentId, AlertKind kind, AlertLevel level,
            OffsetDateTime escalatedAt, @JsonProperty("notify") List<EmergencyContact> contacts) {
        public static final String TYPE = "AlertEscalated";
    }

    public record AlertResolved(UUID alertId, UUID residentId, AlertKind kind, AlertLevel level, Resolution resolution,
            boolean falseAlarm, OffsetDateTime resolvedAt) {
        public static final String TYPE = "AlertResolved";
    }
}
