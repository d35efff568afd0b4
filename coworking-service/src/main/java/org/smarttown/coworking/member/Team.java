package org.smarttown.coworking.member;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** Founders who work on one startup together; weekly quotas also count per team. */
@Entity
public class Team extends PanacheEntityBase {

    @Id
    public UUID id;
    public String name;
    public OffsetDateTime createdAt;
}
