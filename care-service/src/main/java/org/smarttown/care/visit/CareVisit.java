package org.smarttown.care.visit;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A visit to a resident by a care worker: planned, then done (with an outcome) or cancelled. */
@Entity
public class CareVisit extends PanacheEntityBase {

    public enum Status {
        PLANNED, DONE, CANCELLED
    }

    /** Where the visit came from: by hand, an alert dispatched as a visit, or a screening's follow-up. */
    public enum Origin {
        MANUAL, ALERT, SCREENING
    }

    public enum Outcome {
        SEEN_WELL, SEEN_WITH_CONCERNS, REFERRED, NOT_HOME, HOSPITALISED;

        public static final Set<Outcome> ALL = EnumSet.allOf(Outcome.class);
    }

    @Id
    public UUID id;
    public UUID residentId;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Enumerated(EnumType.STRING)
    public Origin origin;
    public UUID sourceId;
    public String purpose;
    public String assignedTo;
    public OffsetDateTime dueAt;
    public String createdBy;
    public OffsetDateTime createdAt;
    public OffsetDateTime overdueAt;
    public OffsetDateTime closedAt;
    public String closedBy;
    @Enumerated(EnumType.STRING)
    public Outcome outcome;
    public String notes;
    @Version
    public int version;
}
