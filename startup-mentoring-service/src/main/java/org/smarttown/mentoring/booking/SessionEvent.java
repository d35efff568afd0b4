package org.smarttown.mentoring.booking;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The data of every session event on mentoring.events (SessionRequested, SessionConfirmed,
 * SessionDeclined, SessionCancelled, SessionRescheduled, SessionCompleted, SessionNoShow).
 * Founders appear by their login name only.
 */
public record SessionEvent(UUID sessionId, String agencyId, UUID mentorId, UUID sessionTypeId, String kind,
        String status, OffsetDateTime start, OffsetDateTime end, OffsetDateTime previousStart, String founder,
        String actor, String actorKind, String reason, OffsetDateTime changedAt) {

    public static final String ADDRESS = "mentoring.events";
}
