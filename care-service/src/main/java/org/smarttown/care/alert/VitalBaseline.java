package org.smarttown.care.alert;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;

import org.hibernate.annotations.Immutable;

import org.smarttown.care.reading.ReadingType;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * A stored baseline, mapped for queries only: {@link BaselineStore} writes the table with bulk
 * statements. The refresh job finds stale rows through HQL on this entity, not a native select
 * (see {@link org.smarttown.commons.db}).
 */
@Entity
@Immutable
@IdClass(VitalBaseline.Key.class)
public class VitalBaseline extends PanacheEntityBase {

    @Id
    public UUID residentId;
    @Id
    @Enumerated(EnumType.STRING)
    public ReadingType type;
    public long samples;
    public Double median;
    public Double mad;
    public OffsetDateTime computedAt;

    /** One resident's baseline of one vital sign. */
    public record Key(UUID residentId, ReadingType type) implements Serializable {
    }
}
