package org.smarttown.resident.duplicate;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A newly registered resident who may be someone already registered, waiting for staff. */
@Entity
public class DuplicateSuspect extends PanacheEntityBase {

    public enum Status {
        OPEN, RESOLVED
    }

    public enum Resolution {
        /** The two records are one person: one is merged into the other, both histories kept. */
        MERGE,
        NOT_DUPLICATE
    }

    @Id
    public UUID id;
    /** The resident whose registration raised the suspicion. */
    public UUID residentId;
    /** The resident registered before who looks the same. */
    public UUID otherId;
    /** PHONE, NAME_AND_BIRTH_DATE or both joined by "+". */
    public String reason;
    @Enumerated(EnumType.STRING)
    public Status status;
    public OffsetDateTime createdAt;
    @Enumerated(EnumType.STRING)
    public Resolution resolution;
    public UUID keptId;
    public String note;
    public OffsetDateTime resolvedAt;
    public String resolvedBy;
    @Version
    public int version;
}
