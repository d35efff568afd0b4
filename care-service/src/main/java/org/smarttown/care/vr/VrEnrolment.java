package org.smarttown.care.vr;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A resident's seat in a session, any supervisor's override of a contraindication, and how it went. */
@Entity
public class VrEnrolment extends PanacheEntityBase {

    public enum Attendance {
        ATTENDED, NO_SHOW
    }

    @Id
    public UUID id;
    public UUID sessionId;
    public UUID residentId;
    public OffsetDateTime startsAt;
    public OffsetDateTime endsAt;
    public String enrolledBy;
    public OffsetDateTime enrolledAt;
    public String overrideBy;
    public String overrideReason;
    public String overriddenConditions;
    @Enumerated(EnumType.STRING)
    public Attendance attendance;
    public Integer minutesDone;
    public Boolean completed;
    public Integer score;
    public String recordedBy;
    public OffsetDateTime recordedAt;
    @Version
    public int version;
}
