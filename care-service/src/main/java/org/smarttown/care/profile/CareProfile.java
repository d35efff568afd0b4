package org.smarttown.care.profile;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** What care-service knows of a resident in its care: its own copy, kept current by events. */
@Entity
public class CareProfile extends PanacheEntityBase {

    public enum Status {
        OPEN, CLOSED
    }

    @Id
    public UUID residentId;
    public String name;
    public LocalDate birthDate;
    public String dong;
    public String complex;
    @Enumerated(EnumType.STRING)
    public Status status;
    public OffsetDateTime openedAt;
    @Version
    public int version;
}
