package org.smarttown.mentoring.booking;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.smarttown.mentoring.catalog.Availability;
import org.smarttown.mentoring.catalog.SessionType;

/**
 * Which start times a mentor offers for a session type. Pure arithmetic over the mentor's hours
 * (Asia/Seoul), the type's rules and the sessions already held, so the slots list and a booking
 * apply exactly the same rules.
 */
public final class SlotCalculator {

    public static final ZoneId ZONE = ZoneId.of("Asia/Seoul");

    /** A session the mentor already holds (active only), as the calculator needs it. */
    public record Held(UUID sessionTypeId, Instant start, Instant blockedFrom, Instant blockedTo, int seatsLeft,
            boolean group) {
    }

    /** An offered start; {@code seatsLeft} 0 on a group session means joining puts you on the waitlist. */
    public record Slot(Instant start, Instant end, int seatsLeft) {
    }

    private SlotCalculator() {
    }

    /**
     * The slots between two Seoul dates (inclusive). Starts follow the mentor's hours in steps of
     * the session's duration; a slot is left out when it starts inside the booking notice, when it
     * or its buffers overlap a held session's buffered time, or when the mentor's daily or weekly
     * limit for the type is reached. An existing group session of the same type is offered as is,
     * with the seats it has left.
     */
    public static List<Slot> slots(Availability availability, SessionType type, LocalDate from, LocalDate to,
            Instant now, List<Held> held) {
        List<Slot> result = new ArrayList<>();
        Duration duration = type.duration();
        Instant earliest = now.plus(type.minBookingNoticeMinutes, ChronoUnit.MINUTES);
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            for (Availability.TimeRange hours : availability.hoursOn(date)) {
                LocalDateTime windowEnd = date.atTime(hours.end());
                for (LocalDateTime start = date.atTime(hours.start()); !start.plus(duration).isAfter(windowEnd);
                        start = start.plus(duration)) {
                    Instant begin = start.atZone(ZONE).toInstant();
                    Instant end = begin.plus(duration);
                    if (begin.isBefore(earliest)) {
                        continue;
                    }
                    Held group = held.stream().filter(h -> h.group() && h.sessionTypeId().equals(type.id)
                            && h.start().equals(begin)).findFirst().orElse(null);
                    if (group != null) {
                        result.add(new Slot(begin, end, group.seatsLeft()));
                        continue;
                    }
                    Instant blockedFrom = begin.minus(type.bufferBeforeMinutes, ChronoUnit.MINUTES);
                    Instant blockedTo = end.plus(type.bufferAfterMinutes, ChronoUnit.MINUTES);
                    boolean overlaps = held.stream()
                            .anyMatch(h -> h.blockedFrom().isBefore(blockedTo) && blockedFrom.isBefore(h.blockedTo()));
                    if (!overlaps && withinMentorLimits(type, date, held)) {
                        result.add(new Slot(begin, end, type.seats));
                    }
                }
            }
        }
        return result;
    }

    /** Whether a start lies on the mentor's grid at all, whatever is booked and whenever it is. */
    public static boolean onGrid(Availability availability, SessionType type, Instant start) {
        LocalDate date = start.atZone(ZONE).toLocalDate();
        return slots(availability, type, date, date, Instant.EPOCH, List.of()).stream()
                .anyMatch(slot -> slot.start().equals(start));
    }

    static boolean withinMentorLimits(SessionType type, LocalDate date, List<Held> held) {
        if (type.maxPerDayPerMentor != null && countOfType(type, held, dayStart(date), dayStart(date.plusDays(1)))
                >= type.maxPerDayPerMentor) {
            return false;
        }
        LocalDate monday = weekStart(date);
        return type.maxPerWeekPerMentor == null
                || countOfType(type, held, dayStart(monday), dayStart(monday.plusWeeks(1))) < type.maxPerWeekPerMentor;
    }

    /**
     * Whether a founder who holds live places in sessions of the type starting at {@code mine} may
     * take one more at {@code start}: their daily and weekly (Monday to Sunday, Seoul) limits.
     */
    public static boolean withinFounderLimits(SessionType type, Instant start, List<Instant> mine) {
        LocalDate date = start.atZone(ZONE).toLocalDate();
        if (type.maxPerDayPerFounder != null
                && countBetween(mine, dayStart(date), dayStart(date.plusDays(1))) >= type.maxPerDayPerFounder) {
            return false;
        }
        LocalDate monday = weekStart(date);
        return type.maxPerWeekPerFounder == null
                || countBetween(mine, dayStart(monday), dayStart(monday.plusWeeks(1))) < type.maxPerWeekPerFounder;
    }

    private static long countBetween(List<Instant> starts, Instant from, Instant to) {
        return starts.stream().filter(s -> !s.isBefore(from) && s.isBefore(to)).count();
    }

    private static long countOfType(SessionType type, List<Held> held, Instant from, Instant to) {
        return held.stream().filter(h -> h.sessionTypeId().equals(type.id) && !h.start().isBefore(from)
                && h.start().isBefore(to)).count();
    }

    public static Instant dayStart(LocalDate date) {
        return date.atStartOfDay(ZONE).toInstant();
    }

    /** Weeks run Monday to Sunday, in Seoul. */
    public static LocalDate weekStart(LocalDate date) {
        return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
