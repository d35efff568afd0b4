package org.smarttown.coworking.space;

import java.time.OffsetDateTime;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * The booking rules of one space type, kept as data so that space managers can change them
 * without a release. A whole-day type is booked from opening to closing time only.
 */
@Entity
public class BookingPolicy extends PanacheEntityBase {

    @Id
    @Enumerated(EnumType.STRING)
    public SpaceType spaceType;
    public boolean wholeDay;
    public int slotMinutes;
    public int minMinutes;
    public int maxMinutes;
    public int maxDaysAhead;
    public int minLeadMinutes;
    public int maxActiveBookings;
    public int weeklyHoursPerFounder;
    public int weeklyHoursPerTeam;
    public String updatedBy;
    public OffsetDateTime updatedAt;
}
