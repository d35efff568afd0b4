package org.smarttown.coworking.space;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A day on which one space is closed (a holiday, maintenance), besides its weekly closed days. */
@Entity
@IdClass(SpaceClosure.Key.class)
public class SpaceClosure extends PanacheEntityBase {

    public static class Key implements Serializable {
        public UUID spaceId;
        public LocalDate day;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(spaceId, k.spaceId) && Objects.equals(day, k.day);
        }

        @Override
        public int hashCode() {
            return Objects.hash(spaceId, day);
        }
    }

    @Id
    public UUID spaceId;
    @Id
    public LocalDate day;
    public String reason;
}
