package org.smarttown.mentoring.catalog;

import java.time.OffsetDateTime;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A startup-support agency; its id equals the agency_id claim of its partner tokens. */
@Entity
public class Agency extends PanacheEntityBase {

    @Id
    public String id;
    public String name;
    public OffsetDateTime createdAt;
    public String createdBy;
}
