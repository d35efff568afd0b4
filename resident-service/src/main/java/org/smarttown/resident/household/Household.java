package org.smarttown.resident.household;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Version;
import jakarta.persistence.Id;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A household: residents who live and are assessed together. */
@Entity
public class Household extends PanacheEntityBase {

    @Id
    public UUID id;
    public String name;
    @Column(updatable = false)
    public OffsetDateTime createdAt;
    @Column(updatable = false)
    public String createdBy;
    @Version
    public int version;
}
