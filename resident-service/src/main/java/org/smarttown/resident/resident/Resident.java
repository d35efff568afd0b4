package org.smarttown.resident.resident;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A resident in the programme's care. */
@Entity
public class Resident extends PanacheEntityBase {

    public enum Sex {
        F, M
    }

    public enum Status {
        ACTIVE, MOVED_OUT, DECEASED
    }

    @Id
    public UUID id;
    public String name;
    public LocalDate birthDate;
    @Enumerated(EnumType.STRING)
    public Sex sex;
    public String phone;
    public String dong;
    public String complex;
    public String building;
    public String unit;
    /** Whether the resident consented to care services (smart bands, alerts, visits). */
    public boolean careConsent;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(updatable = false)
    public OffsetDateTime createdAt;
    @Column(updatable = false)
    public String createdBy;
    @Version
    public int version;
}
