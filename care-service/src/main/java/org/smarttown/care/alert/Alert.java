package org.smarttown.care.alert;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

@Entity
public class Alert extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID residentId;
    @Enumerated(EnumType.STRING)
    public AlertKind kind;
    @Enumerated(EnumType.STRING)
    public AlertLevel level;
    @Enumerated(EnumType.STRING)
    public AlertStatus status;
    public String deviceSerial;
    @Convert(converter = ExplanationConverter.class)
    public Explanation explanation;
    public int occurrences;
    public OffsetDateTime raisedAt;
    public OffsetDateTime lastSeenAt;
    public OffsetDateTime updatedAt;
    public OffsetDateTime escalateAt;
    public OffsetDateTime escalatedAt;
    public OffsetDateTime acknowledgedAt;
    public String acknowledgedBy;
    public OffsetDateTime dispatchedAt;
    public String dispatchMethod;
    public OffsetDateTime closedAt;
    @Enumerated(EnumType.STRING)
    public Resolution resolution;
    @Version
    public int version;
}
