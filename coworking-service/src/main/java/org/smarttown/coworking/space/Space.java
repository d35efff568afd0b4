package org.smarttown.coworking.space;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import org.smarttown.coworking.common.Codes;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A desk, meeting room or booth, with its place on the floor plan and its hours. */
@Entity
public class Space extends PanacheEntityBase {

    @Id
    public UUID id;
    public String code;
    @Enumerated(EnumType.STRING)
    public SpaceType type;
    public String name;
    public int capacity;
    public String equipment = ",";
    public int floor;
    public int x;
    public int y;
    public LocalTime opensAt;
    public LocalTime closesAt;
    public String closedWeekdays = ",";
    public OffsetDateTime createdAt;

    public boolean closedOn(DayOfWeek day) {
        return Codes.decodeSet(closedWeekdays).contains(day.name());
    }
}
