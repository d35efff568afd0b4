package org.smarttown.mentoring.booking;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.smarttown.mentoring.catalog.SessionKind;

/** What clients send and receive about slots and sessions. Times carry Seoul's offset. */
public final class BookingDtos {

    private BookingDtos() {
    }

    public record SlotView(OffsetDateTime start, OffsetDateTime end, int seatsLeft) {
    }

    @Schema(example = "{\"mentorId\":\"5b0e7c8a-1f2d-4c3b-9a8e-7d6c5b4a3f21\",\"sessionTypeId\":\"8c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f\",\"start\":\"2026-12-07T10:00:00+09:00\"}")
    public record BookingRequest(@NotNull UUID mentorId, @NotNull UUID sessionTypeId, @NotNull OffsetDateTime start) {
    }

    @Schema(example = "{\"reason\":\"The founder asked to move it\"}")
    public record ChangeRequest(@Size(max = 1000) String reason) {
    }

    @Schema(example = "{\"start\":\"2026-12-08T14:00:00+09:00\",\"reason\":\"Mentor travels that day\"}")
    public record RescheduleRequest(@NotNull OffsetDateTime start, @Size(max = 1000) String reason) {
    }

    @Schema(example = "{\"side\":\"GUEST\",\"reason\":\"Founder did not join within 15 minutes\"}")
    public record NoShowRequest(@NotNull Side side, @Size(max = 1000) String reason) {
        public enum Side {
            HOST, GUEST
        }
    }

    @Schema(example = "{\"score\":5,\"comment\":\"Clear advice on our term sheet\"}")
    public record RatingRequest(@NotNull @Min(1) @Max(5) Integer score, @Size(max = 2000) String comment) {
    }

    public record ChangeView(String fromStatus, String toStatus, String actor, String actorKind, String reason,
            OffsetDateTime at) {
        static ChangeView of(SessionChange change) {
            return new ChangeView(change.fromStatus, change.toStatus, change.actor, change.actorKind, change.reason,
                    change.at.atZoneSameInstant(SlotCalculator.ZONE).toOffsetDateTime());
        }

        /**
         * The history as one founder of a group session may see it: their own changes and the
         * agency's whole; of another founder's, only a change of the session's status, without their
         * login and words (founders of a group see no attendee list either). Null: left out.
         */
        static ChangeView forFounder(SessionChange change, String founder) {
            if (!"FOUNDER".equals(change.actorKind) || founder.equals(change.actor)) {
                return of(change);
            }
            if (java.util.Objects.equals(change.fromStatus, change.toStatus)) {
                return null;
            }
            return new ChangeView(change.fromStatus, change.toStatus, null, change.actorKind, null,
                    change.at.atZoneSameInstant(SlotCalculator.ZONE).toOffsetDateTime());
        }
    }

    public record AttendeeView(String founder, Attendance.Place place, Integer rating) {
    }

    /**
     * A session as its reader may see it: a founder gets {@code myPlace} and no attendee list;
     * the agency gets the attendees. {@code changes} is the history, oldest first.
     */
    public record SessionView(UUID id, String agencyId, UUID mentorId, UUID sessionTypeId, SessionKind kind,
            OffsetDateTime start, OffsetDateTime end, SessionStatus status, int seats, long seated, long waitlisted,
            Attendance.Place myPlace, List<AttendeeView> attendees, List<ChangeView> changes) {
    }
}
