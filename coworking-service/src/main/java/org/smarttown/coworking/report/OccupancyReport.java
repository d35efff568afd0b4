package org.smarttown.coworking.report;

import java.time.LocalDate;
import java.util.List;

/** Occupancy and no-shows over a range of days (office time); hours are booked hours of active bookings. */
public record OccupancyReport(LocalDate from, LocalDate to, List<BySpace> bySpace, List<ByDay> byDay, List<ByHour> byHour,
        NoShows noShows) {

    /** occupancy = bookedHours / openHours (weekly closed days excluded). */
    public record BySpace(String spaceCode, String type, double bookedHours, double openHours, double occupancy) {
    }

    public record ByDay(LocalDate day, double bookedHours) {
    }

    /** Booked hours that fall in this hour of the day (0-23), summed over the range. */
    public record ByHour(int hour, double bookedHours) {
    }

    /** Among bookings that started in the range and were not cancelled: how many were no-shows. */
    public record NoShows(long attended, long noShows, double rate) {
    }
}
