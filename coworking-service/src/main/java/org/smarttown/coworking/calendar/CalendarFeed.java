package org.smarttown.coworking.calendar;

import java.time.OffsetDateTime;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** The hash of a founder's current feed token. */
@Entity
public class CalendarFeed extends PanacheEntityBase {

    @Id
    public String username;
    public String tokenHash;
    public OffsetDateTime createdAt;
}
