package org.smarttown.mentoring.catalog;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import jakarta.persistence.Converter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.smarttown.mentoring.common.JsonText;

/**
 * When a mentor can be booked, in Asia/Seoul local time: weekly hours, dates whose hours replace
 * the weekly ones (an empty list closes the day), and holidays (closed all day).
 */
@Schema(example = """
        {"weekly":[{"day":"MONDAY","start":"09:00","end":"12:00"},{"day":"WEDNESDAY","start":"14:00","end":"18:00"}],
         "overrides":[{"date":"2026-12-02","hours":[{"start":"10:00","end":"12:00"}]}],
         "holidays":["2026-12-25"]}""")
public record Availability(
        @Valid @Size(max = 100) List<@NotNull @Valid WeeklyHours> weekly,
        @Valid @Size(max = 366) List<@NotNull @Valid DateOverride> overrides,
        @Size(max = 366) List<@NotNull LocalDate> holidays) {

    public Availability {
        weekly = weekly == null ? List.of() : List.copyOf(weekly);
        overrides = overrides == null ? List.of() : List.copyOf(overrides);
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
    }

    public static Availability none() {
        return new Availability(List.of(), List.of(), List.of());
    }

    /** A stretch of one weekday. */
    public record WeeklyHours(@NotNull DayOfWeek day, @NotNull LocalTime start, @NotNull LocalTime end) {
        @AssertTrue(message = "start must be before end")
        @Schema(hidden = true)
        @com.fasterxml.jackson.annotation.JsonIgnore
        public boolean isOrdered() {
            return start == null || end == null || start.isBefore(end);
        }
    }

    /** The hours of one date, replacing that weekday's. */
    public record DateOverride(@NotNull LocalDate date, @Valid List<@NotNull @Valid TimeRange> hours) {
        public DateOverride {
            hours = hours == null ? List.of() : List.copyOf(hours);
        }
    }

    public record TimeRange(@NotNull LocalTime start, @NotNull LocalTime end) {
        @AssertTrue(message = "start must be before end")
        @Schema(hidden = true)
        @com.fasterxml.jackson.annotation.JsonIgnore
        public boolean isOrdered() {
            return start == null || end == null || start.isBefore(end);
        }
    }

    /** The hours open on a date: a holiday closes it, an override replaces the weekly hours. */
    public List<TimeRange> hoursOn(LocalDate date) {
        if (holidays.contains(date)) {
            return List.of();
        }
        for (DateOverride override : overrides) {
            if (override.date().equals(date)) {
                return override.hours();
            }
        }
        return weekly.stream().filter(w -> w.day() == date.getDayOfWeek())
                .map(w -> new TimeRange(w.start(), w.end())).toList();
    }

    @Converter
    public static class Column extends JsonText<Availability> {
        public Column() {
            super(Availability.class);
        }
    }
}
