package org.smarttown.bench.stack;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** The one entity: enough for Hibernate, Flyway and the reactive pool to start as in a service. */
@Entity
public class Note extends PanacheEntityBase {

    @Id
    public UUID id;
    public String text;
}
