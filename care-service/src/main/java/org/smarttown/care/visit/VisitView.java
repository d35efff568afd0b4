package org.smarttown.care.visit;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A visit as the console shows it; {@code overdue} is true while it is planned and past due. */
public record VisitView(UUID id, UUID residentId, CareVisit.Status status, CareVisit.Origin origin, UUID sourceId,
        String purpose, String assignedTo, OffsetDateTime dueAt, boolean overdue, String createdBy,
        OffsetDateTime createdAt, OffsetDateTime closedAt, String closedBy, CareVisit.Outcome outcome, String notes) {

    public static VisitView of(CareVisit v, OffsetDateTime now) {
        return new VisitView(v.id, v.residentId, v.status, v.origin, v.sourceId, v.purpose, v.assignedTo, v.dueAt,
                v.status == CareVisit.Status.PLANNED && v.dueAt.isBefore(now), v.createdBy, v.createdAt, v.closedAt,
                v.closedBy, v.outcome, v.notes);
    }
}
