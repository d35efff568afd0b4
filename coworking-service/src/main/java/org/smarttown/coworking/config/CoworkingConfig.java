package org.smarttown.coworking.config;

import java.time.Duration;
import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The office's own settings (prefix {@code coworking}); every key has a default fit for development. */
@ConfigMapping(prefix = "coworking")
public interface CoworkingConfig {

    /** The office's time zone: opening hours, days and weekly quotas are counted in it. */
    @WithDefault("Asia/Seoul")
    ZoneId zone();

    /** Youngest age (in full years, on the day of applying) of a youth founder. */
    @WithDefault("19")
    int minAge();

    /** Oldest age (in full years, on the day of applying) of a youth founder. */
    @WithDefault("39")
    int maxAge();

    /** How long a membership is valid when the manager gives no end date. */
    @WithDefault("P1Y")
    java.time.Period defaultValidity();

    /** Check-in opens this long before a booking starts. */
    @WithDefault("PT15M")
    Duration checkInOpensBefore();

    /** Without a check-in by start + this window, the booking is released as a no-show. */
    @WithDefault("PT15M")
    Duration noShowAfter();

    /** How often the release job looks for bookings past their no-show deadline. */
    @WithDefault("PT30S")
    Duration releaseInterval();

    /** This many no-shows within {@link #noShowPeriod()} block new bookings. */
    @WithDefault("3")
    int noShowLimit();

    /** The period in which no-shows are counted. */
    @WithDefault("P30D")
    Duration noShowPeriod();

    /** How long a founder is blocked after reaching the no-show limit (from the last no-show). */
    @WithDefault("P7D")
    Duration noShowBlock();

    /** The longest span a recurring booking may cover. */
    @WithDefault("12")
    int maxRecurrenceWeeks();
}
