package org.smarttown.care.reading;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;

import org.hibernate.annotations.Immutable;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * A stored reading, mapped for queries only: readings are written by {@link ReadingService}'s one
 * insert per batch and never changed. Queries over history are HQL on this entity because
 * Hibernate Reactive 3.2 caches a fresh, never-reused plan for every run of a native select.
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

    /** A device's (serial, sequence): the key a reading is stored under once. */
    public static class Key implements Serializable {
        public String deviceSerial;
        public long sequence;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && sequence == key.sequence && Objects.equals(deviceSerial, key.deviceSerial);
        }

        @Override
        public int hashCode() {
            return Objects.hash(deviceSerial, sequence);
        }
    }
}
