package org.smarttown.care.reading;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;

import org.hibernate.annotations.Immutable;
import org.smarttown.commons.db.HqlLiterals;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * A stored reading, mapped for queries only: readings are written by {@link ReadingService}'s one
 * insert per batch and never changed. Queries over history are HQL on this entity, never native
 * selects (see {@link org.smarttown.commons.db}).
 */
@Entity
@Immutable
@IdClass(Reading.Key.class)
public class Reading extends PanacheEntityBase {

    @Id
    public String deviceSerial;
    @Id
    public long sequence;
    public UUID residentId;
    @Enumerated(EnumType.STRING)
    public ReadingType type;
    public double value;
    public OffsetDateTime measuredAt;
    public OffsetDateTime receivedAt;

    /**
     * HQL: the reading aliased {@code r} shows the resident active ({@link ReadingType#showsActivity()};
     * steps and activity only above zero).
     */
    public static final String SHOWS_ACTIVITY = "r.type in " + HqlLiterals.of(ReadingType.class, ReadingType::showsActivity)
            + " and (r.type = DOOR or r.value > 0)";

    /** A device's (serial, sequence): the key a reading is stored under once. */
    public record Key(String deviceSerial, long sequence) implements Serializable {
    }
}
