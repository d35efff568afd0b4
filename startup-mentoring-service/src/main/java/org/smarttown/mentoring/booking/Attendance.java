package org.smarttown.mentoring.booking;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import org.smarttown.commons.db.HqlLiterals;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A founder's place in a session: seated, waiting for a seat, or given up. */
@Entity
public class Attendance extends PanacheEntityBase {

    public enum Place {
        SEATED, WAITLISTED, CANCELLED;

        /** The places a founder still holds: a seat or a place on the waitlist. */
        public static final Set<Place> LIVE = EnumSet.of(SEATED, WAITLISTED);

        /** HQL: the live places as a literal list, for {@code status in ...}. */
        public static final String LIVE_LITERALS = HqlLiterals.of(LIVE);

        public boolean isLive() {
            return LIVE.contains(this);
        }
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
