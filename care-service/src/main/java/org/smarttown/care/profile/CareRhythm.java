package org.smarttown.care.profile;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * A resident's expected active hours (Asia/Seoul wall-clock time) and how long a silence during
 * them is still normal. {@code from == to} means active all day; {@code from > to} wraps midnight.
 * Each part says where it came from: set by staff, learned from the resident's history, or the
 * programme's default, in that order of precedence.
 */
public record CareRhythm(LocalTime activeFrom, LocalTime activeTo, int quietPeriodMinutes, Source hoursSource,
        Source quietSource, Integer learnedFromDays) {

    public static final ZoneId OFFICE_ZONE = ZoneId.of("Asia/Seoul");

    public enum Source {
        STAFF, LEARNED, DEFAULT
    }

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

    /** Whether staff set any part of it for this resident. */
    public boolean own() {
        return hoursSource == Source.STAFF || quietSource == Source.STAFF;
    }

    /** The rhythm as a whole: staff's when they set any part, else learned, else the default. */
    public Source source() {
        return own() ? Source.STAFF
                : hoursSource == Source.LEARNED || quietSource == Source.LEARNED ? Source.LEARNED : Source.DEFAULT;
    }

    /** Where the values came from, in words ("learned from 21 days of history", "set by staff"). */
    public String basis() {
        if (hoursSource == quietSource) {
            return words(hoursSource);
        }
        return "hours " + words(hoursSource) + ", quiet period " + words(quietSource);
    }

    private String words(Source source) {
        return switch (source) {
            case STAFF -> "set by staff";
            case LEARNED -> "learned from " + learnedFromDays + " days of history";
            case DEFAULT -> "default";
        };
    }
}
