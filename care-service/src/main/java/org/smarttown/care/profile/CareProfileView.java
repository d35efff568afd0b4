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

    /** Expected active hours and quiet period; {@code own} is false when they are the defaults. */
    public record Rhythm(String activeFrom, String activeTo, int quietPeriodMinutes, boolean own) {
    }

    static CareProfileView of(CareProfile p, CareRhythm rhythm) {
        return new CareProfileView(p.residentId, p.name, p.birthDate, p.dong, p.complex, p.status, p.openedAt,
                p.closedAt, p.closedReason, new ResponderPlan(p.assignedCareWorker, p.emergencyContacts),
                new Rhythm(rhythm.activeFrom().toString(), rhythm.activeTo().toString(),
                        rhythm.quietPeriodMinutes(), rhythm.own()), p.conditions);
    }
}
