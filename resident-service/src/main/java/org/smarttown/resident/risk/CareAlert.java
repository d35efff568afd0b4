package org.smarttown.resident.risk;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** An alert care-service raised for a resident, open until resolved: a risk signal. */
@Entity
public class CareAlert extends PanacheEntityBase {

    @Id
    public UUID alertId;
    public UUID residentId;
    public String kind;
    public String level;
    public OffsetDateTime raisedAt;
    public OffsetDateTime resolvedAt;
    public boolean falseAlarm;
}
