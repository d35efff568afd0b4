package org.smarttown.coworking.waitlist;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A founder's place in line for a taken space and range. */
@Entity
public class WaitlistEntry extends PanacheEntityBase {

    public enum Status {
        WAITING, PROMOTED, LEFT
    }

    @Id
    public UUID id;
    public UUID spaceId;
    public UUID memberId;
    public String username;
    public OffsetDateTime startAt;
    public OffsetDateTime endAt;
    @Enumerated(EnumType.STRING)
    public Status status;
    public UUID bookingId;
    public OffsetDateTime createdAt;
    public OffsetDateTime promotedAt;
    @Version
    public int version;
}
