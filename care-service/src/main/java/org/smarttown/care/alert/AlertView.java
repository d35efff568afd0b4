package org.smarttown.care.alert;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

public record AlertView(
        UUID id,
        UUID residentId,
        AlertKind kind,
        AlertLevel level,
        AlertStatus status,
        String deviceSerial,
        Explanation explanation,
        String summary,
        int occurrences,
        OffsetDateTime raisedAt,
        OffsetDateTime lastSeenAt,
        OffsetDateTime updatedAt,
        OffsetDateTime escalateAt,
        OffsetDateTime escalatedAt,
        OffsetDateTime acknowledgedAt,
        String acknowledgedBy,
        OffsetDateTime dispatchedAt,
        String dispatchMethod,
        OffsetDateTime closedAt,
        Resolution resolution,
        List<Step> steps) {

    public record Step(String action, AlertStatus status, String actor, OffsetDateTime at, String note) {
    }

    static AlertView of(Alert a, List<AlertStep> steps) {
        return new AlertView(a.id, a.residentId, a.kind, a.level, a.status, a.deviceSerial, a.explanation,
                a.explanation.summary(), a.occurrences, a.raisedAt, a.lastSeenAt, a.updatedAt, a.escalateAt,
                a.escalatedAt, a.acknowledgedAt, a.acknowledgedBy, a.dispatchedAt, a.dispatchMethod, a.closedAt,
                a.resolution, steps == null ? null
                        : steps.stream().map(s -> new Step(s.action, s.status, s.actor, s.at, s.note)).toList());
    }

    static AlertView of(Alert a) {
        return of(a, null);
    }
}
