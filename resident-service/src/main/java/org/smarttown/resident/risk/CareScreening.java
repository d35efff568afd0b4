package org.smarttown.resident.risk;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** The latest screening result per resident and instrument (PHQ-9, ...). */
@Entity
@IdClass(CareScreening.Key.class)
public class CareScreening extends PanacheEntityBase {

    @Id
    public UUID residentId;
    @Id
    public String instrument;
    public String band;
    public Integer total;
    public boolean followUp;
    public OffsetDateTime completedAt;

    public static class Key implements Serializable {
        public UUID residentId;
        public String instrument;

        public Key() {
        }

        public Key(UUID residentId, String instrument) {
            this.residentId = residentId;
            this.instrument = instrument;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(residentId, k.residentId) && Objects.equals(instrument, k.instrument);
        }

        @Override
        public int hashCode() {
            return Objects.hash(residentId, instrument);
        }
    }
}
