package org.smarttown.coworking.booking;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import org.smarttown.commons.db.HqlLiterals;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A founder's booking of one space for a time range. No-shows and cancellations are kept, not deleted. */
@Entity
public class Booking extends PanacheEntityBase {

    public enum Status {
        CONFIRMED, CHECKED_IN, CANCELLED, NO_SHOW
    }

    /** The statuses that hold the space (the exclusion constraint covers exactly these). */
    public static final List<Status> ACTIVE = List.of(Status.CONFIRMED, Status.CHECKED_IN);

    /** HQL: the active statuses as a literal list, for {@code status in ...}. */
    public static final String ACTIVE_LITERALS = HqlLiterals.of(ACTIVE);

    @Id
    public UUID id;
    public UUID spaceId;
    public UUID memberId;
    public String username;
    public UUID teamId;
    public OffsetDateTime startAt;
    public OffsetDateTime endAt;
    @Enumerated(EnumType.STRING)
    public Status status;
    public String checkInToken;
    public OffsetDateTime checkedInAt;
    public String checkedInBy;
    public OffsetDateTime releaseAt;
    public OffsetDateTime cancelledAt;
    public String cancelledBy;
    public OffsetDateTime createdAt;
    @Version
    public int version;

    public long minutes() {
        return java.time.Duration.between(startAt, endAt).toMinutes();
    }
}
