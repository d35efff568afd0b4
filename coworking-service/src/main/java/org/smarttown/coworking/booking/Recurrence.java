package org.smarttown.coworking.booking;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.smarttown.commons.problem.Invalid;

/**
 * The small RRULE subset founders need (RFC 5545 syntax): {@code FREQ=WEEKLY} with optional
 * {@code INTERVAL} (1-4), {@code BYDAY} (MO..SU; default the first occurrence's day) and either
 * {@code COUNT} or {@code UNTIL} (a date). Anything else is a 400, as is a series longer than the
 * configured number of weeks.
 */
final class Recurrence {

    private Recurrence() {
    }

    /** Start times of every occurrence, the first one included, in office time. */
    static List<ZonedDateTime> starts(String rule, OffsetDateTime first, ZoneId zone, int maxWeeks) {
        int interval = 1;
        Integer count = null;
        LocalDate until = null;
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        boolean weekly = false;
        String text = rule.trim().toUpperCase(Locale.ROOT);
        if (text.startsWith("RRULE:")) {
            text = text.substring(6);
        }
        for (String part : text.split(";")) {
            String[] kv = part.split("=", 2);
            if (kv.length != 2) {
                throw invalid("'" + part + "' is not NAME=VALUE");
            }
            try {
                switch (kv[0]) {
                    case "FREQ" -> {
                        if (!kv[1].equals("WEEKLY")) {
                            throw invalid("only FREQ=WEEKLY is supported");
                        }
                        weekly = true;
                    }
                    case "INTERVAL" -> interval = Integer.parseInt(kv[1]);
                    case "COUNT" -> count = Integer.parseInt(kv[1]);
                    case "UNTIL" -> until = LocalDate.parse(kv[1].length() >= 8 ? kv[1].substring(0, 8) : kv[1],
                            DateTimeFormatter.BASIC_ISO_DATE);
                    case "BYDAY" -> {
                        for (String day : kv[1].split(",")) {
                            days.add(day(day));
                        }
                    }
                    default -> throw invalid(kv[0] + " is not supported (FREQ, INTERVAL, COUNT, UNTIL, BYDAY are)");
                }
            } catch (NumberFormatException | DateTimeParseException e) {
                throw invalid("'" + part + "' has a value that cannot be read");
            }
        }
        if (!weekly) {
            throw invalid("FREQ=WEEKLY is required");
        }
        if (interval < 1 || interval > 4) {
            throw invalid("INTERVAL must be 1 to 4");
        }
        if ((count == null) == (until == null)) {
            throw invalid("give exactly one of COUNT and UNTIL");
        }
        if (count != null && (count < 1 || count > 100)) {
            throw invalid("COUNT must be 1 to 100");
        }
        ZonedDateTime start = first.atZoneSameInstant(zone);
        LocalDate firstDay = start.toLocalDate();
        LocalDate limit = firstDay.plusWeeks(maxWeeks);
        if (until != null && until.isAfter(limit)) {
            throw invalid("a series lasts at most " + maxWeeks + " weeks (until " + limit + ")");
        }
        if (until != null && until.isBefore(firstDay)) {
            throw invalid("UNTIL is before the first occurrence");
        }
        if (days.isEmpty()) {
            days.add(firstDay.getDayOfWeek());
        }
        List<ZonedDateTime> starts = new ArrayList<>();
        LocalDate weekStart = firstDay.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        while (true) {
            for (DayOfWeek dow : DayOfWeek.values()) {
                LocalDate day = weekStart.with(TemporalAdjusters.nextOrSame(dow));
                if (!days.contains(dow) || day.isBefore(firstDay)) {
                    continue;
                }
                if ((until != null && day.isAfter(until)) || (count != null && starts.size() >= count)) {
                    return starts;
                }
                if (day.isAfter(limit)) {
                    throw invalid("a series lasts at most " + maxWeeks + " weeks (until " + limit + ")");
                }
                starts.add(ZonedDateTime.of(day, start.toLocalTime(), zone));
            }
            weekStart = weekStart.plusWeeks(interval);
        }
    }

    private static DayOfWeek day(String code) {
        return switch (code) {
            case "MO" -> DayOfWeek.MONDAY;
            case "TU" -> DayOfWeek.TUESDAY;
            case "WE" -> DayOfWeek.WEDNESDAY;
            case "TH" -> DayOfWeek.THURSDAY;
            case "FR" -> DayOfWeek.FRIDAY;
            case "SA" -> DayOfWeek.SATURDAY;
            case "SU" -> DayOfWeek.SUNDAY;
            default -> throw invalid("BYDAY takes MO, TU, WE, TH, FR, SA, SU");
        };
    }

    private static Invalid invalid(String message) {
        return new Invalid("rrule", message);
    }
}
