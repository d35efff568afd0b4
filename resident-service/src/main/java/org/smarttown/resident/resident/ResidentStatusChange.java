package org.smarttown.resident.resident;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One entry of a resident's status history; never changed once written. */
@Entity
public class ResidentStatusChange extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID residentId;
    @Enumerated(EnumType.STRING)
    public Resident.Status status;
    public String reason;
    public OffsetDateTime changedAt;
    public String changedBy;
}
