package org.smarttown.mentoring.booking;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * A stretch of a mentor's time: one founder's session, or a group session with seats. The table's
 * exclusion constraint keeps active sessions of one mentor from overlapping, buffers included.
 */
@Entity
public class MentoringSession extends PanacheEntityBase {

    @Id
    public UUID id;
    public String agencyId;
    public UUID mentorId;
    public UUID sessionTypeId;
    public OffsetDateTime startAt;
    public OffsetDateTime endAt;
    public OffsetDateTime blockedFrom;
    public OffsetDateTime blockedTo;
    @Enumerated(EnumType.STRING)
    public SessionStatus status;
    public int seats;
    public OffsetDateTime createdAt;
    public OffsetDateTime updatedAt;
    @Version
    public int version;
}
