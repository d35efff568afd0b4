package org.smarttown.care.profile;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A care profile as staff see it; personal fields are null once consent was withdrawn. */
public record CareProfileView(
        UUID residentId,
        String name,
        LocalDate birthDate,
        String dong,
        String complex,
        CareProfile.Status status,
        OffsetDateTime openedAt,
        OffsetDateTime closedAt,
        String closedReason,
        ResponderPlan responderPlan,
        Rhythm rhythm,
        List<Condition> conditions) {

    /** Who responds, in order: the assigned care worker, then the emergency contacts. */
    public record ResponderPlan(String assignedCareWorker, List<EmergencyContact> emergencyContacts) {
    }

    /**
     * Expected active hours and quiet period in force; {@code own} when staff set any part,
     * {@code source} STAFF, LEARNED or DEFAULT, {@code basis} in words; {@code learned} is what
     * the resident's history showed (also when staff's values win), null until there is enough.
     */
    public record Rhythm(String activeFrom, String activeTo, int quietPeriodMinutes, boolean own,
            CareRhythm.Source source, String basis, Learned learned) {
    }

    /** A rhythm learned from the resident's activity history: when, and from how many days with activity. */
    public record Learned(String activeFrom, String activeTo, int quietPeriodMinutes, OffsetDateTime learnedAt,
            int fromDays) {
    }

    static CareProfileView of(CareProfile p, CareRhythm rhythm) {
        return new CareProfileView(p.residentId, p.name, p.birthDate, p.dong, p.complex, p.status, p.openedAt,
                p.closedAt, p.closedReason, new ResponderPlan(p.assignedCareWorker, p.emergencyContacts),
                new Rhythm(rhythm.activeFrom().toString(), rhythm.activeTo().toString(),
                        rhythm.quietPeriodMinutes(), rhythm.own(), rhythm.source(), rhythm.basis(),
                        p.rhythmLearnedAt == null ? null
                                : new Learned(p.learnedActiveFrom.toString(), p.learnedActiveTo.toString(),
                                        p.learnedQuietPeriodMinutes, p.rhythmLearnedAt, p.rhythmLearnedDays)),
                p.conditions);
    }
}
