package org.smarttown.care.visit;

import java.time.OffsetDateTime;
import java.util.UUID;

/** What visits publish on care.events (contracts: src/test/resources/contracts/Visit*.json). */
public final class VisitEvents {

    private VisitEvents() {
    }

    /** A planned visit passed its due time undone (published once per visit). */
    public record VisitOverdue(UUID visitId, UUID residentId, CareVisit.Origin origin, String assignedTo,
            OffsetDateTime dueAt, OffsetDateTime overdueAt) {
        public static final String TYPE = "VisitOverdue";
    }

    /** A visit was done or cancelled: whatever its lateness signalled is over. */
    public record VisitClosed(UUID visitId, UUID residentId, CareVisit.Status status, CareVisit.Outcome outcome,
            boolean wasOverdue, OffsetDateTime closedAt) {
        public static final String TYPE = "VisitClosed";
    }
}
