package org.smarttown.care.profile;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * A resident's expected active hours (Asia/Seoul wall-clock time) and how long a silence during
 * them is still normal. {@code from == to} means active all day; {@code from > to} wraps midnight.
 */
public record CareRhythm(LocalTime activeFrom, LocalTime activeTo, int quietPeriodMinutes, boolean own) {

    public static final ZoneId OFFICE_ZONE = ZoneId.of("Asia/Seoul");

    public boolean isActiveAt(ZonedDateTime when) {
        LocalTime time = when.withZoneSameInstant(OFFICE_ZONE).toLocalTime();
        if (activeFrom.equals(activeTo)) {
            return true;
        }
        if (activeFrom.isBefore(activeTo)) {
            return !time.isBefore(activeFrom) && time.isBefore(activeTo);
        }
        return !time.isBefore(activeFrom) || time.isBefore(activeTo);
    }
}
