package org.smarttown.care.vr;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.smarttown.care.profile.Condition;

/** What the VR endpoints answer. */
public final class VrViews {

    private VrViews() {
    }

    public record Programme(UUID id, String code, String name, VrProgramme.Kind kind, int durationMinutes,
            VrProgramme.Intensity intensity, List<Condition> suits, List<Condition> contraindications,
            String description) {

        static Programme of(VrProgramme p) {
            return new Programme(p.id, p.code, p.name, p.kind, p.durationMinutes, p.intensity, p.suits,
                    p.contraindications, p.description);
        }
    }

    /** A session; {@code participants} only in the detail view. */
    public record Session(UUID id, Programme programme, OffsetDateTime startsAt, OffsetDateTime endsAt, int capacity,
            int enrolled, int seatsLeft, String staff, String room, List<Participant> participants) {

        static Session of(VrSession s, VrProgramme p, List<Participant> participants) {
            return new Session(s.id, Programme.of(p), s.startsAt, s.endsAt, s.capacity, s.enrolled,
                    s.capacity - s.enrolled, s.staff, s.room, participants);
        }
    }

    /** A supervisor's recorded decision to enrol despite contraindicated conditions. */
    public record Override(String by, String reason, List<String> conditions) {
    }

    /** Heart rate from the resident's band during the session (null values when no readings). */
    public record HeartRate(long readings, Double min, Double max, Double mean) {
    }

    public record Participant(UUID residentId, String name, UUID enrolmentId, OffsetDateTime enrolledAt,
            String enrolledBy, Override override, VrEnrolment.Attendance attendance, Integer minutesDone,
            Boolean completed, Integer score, String recordedBy, HeartRate heartRate) {
    }
}
