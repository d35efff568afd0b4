package org.smarttown.care.vr;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import org.smarttown.care.profile.Condition;
import org.smarttown.care.profile.ConditionsConverter;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A programme of the VR room's catalogue: what it trains, how long and hard, whom it suits and whom not. */
@Entity
public class VrProgramme extends PanacheEntityBase {

    public enum Kind {
        COGNITIVE_TRAINING, EXERCISE, RELAXATION
    }

    public enum Intensity {
        LOW, MODERATE, HIGH
    }

    @Id
    public UUID id;
    public String code;
    public String name;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    public int durationMinutes;
    @Enumerated(EnumType.STRING)
    public Intensity intensity;
    @Convert(converter = ConditionsConverter.class)
    public List<Condition> suits = List.of();
    @Convert(converter = ConditionsConverter.class)
    public List<Condition> contraindications = List.of();
    public String description;
    public OffsetDateTime createdAt;
}
