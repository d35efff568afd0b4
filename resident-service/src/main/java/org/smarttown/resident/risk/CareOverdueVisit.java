package org.smarttown.resident.risk;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A care visit care-service found overdue: a risk signal until it is reported done or cancelled. */
@Entity
public class CareOverdueVisit extends PanacheEntityBase {

    @Id
    public UUID visitId;
    public UUID residentId;
    public String origin;
    public OffsetDateTime dueAt;
    public OffsetDateTime overdueAt;
    public OffsetDateTime closedAt;
}
