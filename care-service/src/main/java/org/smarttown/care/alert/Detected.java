package org.smarttown.care.alert;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A finding of a detection rule, before it becomes (or groups into) an alert. */
public record Detected(UUID residentId, AlertKind kind, AlertLevel level, String deviceSerial,
        Explanation explanation, OffsetDateTime at) {
}
