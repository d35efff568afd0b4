package org.smarttown.mentoring.booking;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A founder's place in a session: seated, waiting for a seat, or given up. */
@Entity
public class Attendance extends PanacheEntityBase {

    public enum Place {
        SEATED, WAITLISTED, CANCELLED
    }

    @Id
    public UUID id;
    public UUID sessionId;
    public String founder;
    @Enumerated(EnumType.STRING)
    public Place status;
    public OffsetDateTime createdAt;
    public OffsetDateTime updatedAt;
    public Integer rating;
    public String ratingComment;
}
