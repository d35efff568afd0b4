package org.smarttown.care.screening;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One administered screening: what was answered, by whom, when, and how that version scored it. */
@Entity
public class Screening extends PanacheEntityBase {

    public enum Status {
        SCORED, INCOMPLETE
    }

    @Id
    public UUID id;
    public UUID residentId;
    public String instrument;
    public int instrumentVersion;
    @Enumerated(EnumType.STRING)
    public Status status;
    /** JSON as entered: the item answers, or the inputs of a staff-entered total. */
    public String answers;
    public int answered;
    public Integer total;
    public String band;
    public boolean followUp;
    public String flags;
    public Integer cutoff;
    public String administeredBy;
    public OffsetDateTime administeredAt;
    public OffsetDateTime nextDueAt;
    public UUID alertId;
    public UUID visitId;
    public String note;

    public List<String> flagList() {
        return flags == null || flags.isEmpty() ? List.of() : Arrays.asList(flags.split(","));
    }
}
