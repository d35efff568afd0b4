package org.smarttown.coworking.member;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A youth founder's membership of the office, from application to approval or rejection. */
@Entity
public class Member extends PanacheEntityBase {

    public enum Status {
        PENDING, APPROVED, REJECTED
    }

    public enum BusinessStage {
        IDEA, PROTOTYPE, EARLY_REVENUE, GROWTH
    }

    @Id
    public UUID id;
    public String username;
    public String name;
    public LocalDate birthDate;
    public String startupName;
    @Enumerated(EnumType.STRING)
    public BusinessStage businessStage;
    public UUID teamId;
    @Enumerated(EnumType.STRING)
    public Status status;
    public String decisionReason;
    public String decidedBy;
    public OffsetDateTime decidedAt;
    public String cohort;
    public LocalDate validFrom;
    public LocalDate validUntil;
    public OffsetDateTime appliedAt;
    @Version
    public int version;

    /** Approved, and the day lies within the membership's validity. */
    public boolean mayBookOn(LocalDate day) {
        return status == Status.APPROVED && !day.isBefore(validFrom) && !day.isAfter(validUntil);
    }
}
