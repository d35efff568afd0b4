package org.smarttown.coworking.booking;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import org.smarttown.commons.problem.Invalid;
import org.smarttown.coworking.common.RuleBroken;
import org.smarttown.coworking.member.Member;
import org.smarttown.coworking.space.BookingPolicy;
import org.smarttown.coworking.space.Space;

/**
 * The booking rules, as plain functions of what was loaded: the same code refuses a booking
 * (first rule broken) and explains availability (every rule broken).
 */
public final class BookingRules {

    private BookingRules() {
    }

    /** What the rules need to know about the founder and the space around one requested range. */
    public record Facts(Space space, BookingPolicy policy, Member member, boolean closedThatDay, String closureReason,
            OffsetDateTime blockedUntil, long activeBookings, long founderWeekMinutes, long teamWeekMinutes,
            OffsetDateTime now, ZoneId zone) {
    }

    /** Requests no rule could fix: they are malformed (400), not refused. */
    static void checkShape(OffsetDateTime start, OffsetDateTime end, OffsetDateTime now) {
        if (!end.isAfter(start)) {
            throw new Invalid("end", "must be after start");
        }
        if (start.isBefore(now.minusDays(1)) || start.isAfter(now.plusYears(1))) {
            throw new Invalid("start", "must lie between yesterday and a year from now");
        }
        if (Duration.between(start, end).toDays() >= 1) {
            throw new Invalid("end", "a booking lasts at most one day; use a recurring booking for more");
        }
    }

    /** The slot grid: whole-day types from opening to closing time, the others on multiples of the slot size. */
    static void checkSlots(Space space, BookingPolicy policy, OffsetDateTime start, OffsetDateTime end, ZoneId zone) {
        ZonedDateTime s = start.atZoneSameInstant(zone);
        ZonedDateTime e = end.atZoneSameInstant(zone);
        if (policy.wholeDay) {
            if (!s.toLocalTime().equals(space.opensAt)) {
                throw new Invalid("start", space.type + " is booked for whole days: start must be the opening time "
                        + space.opensAt);
            }
            if (!e.toLocalTime().equals(space.closesAt) || !e.toLocalDate().equals(s.toLocalDate())) {
                throw new Invalid("end", space.type + " is booked for whole days: end must be the closing time "
                        + space.closesAt + " of the same day");
            }
            return;
        }
        if (!onGrid(s.toLocalTime(), policy.slotMinutes)) {
            throw new Invalid("start", "must be on a " + policy.slotMinutes + "-minute slot boundary (office time)");
        }
        if (!onGrid(e.toLocalTime(), policy.slotMinutes)) {
            throw new Invalid("end", "must be on a " + policy.slotMinutes + "-minute slot boundary (office time)");
        }
    }

    private static boolean onGrid(LocalTime time, int slotMinutes) {
        return time.getSecond() == 0 && time.getNano() == 0 && (time.getHour() * 60 + time.getMinute()) % slotMinutes == 0;
    }

    /** Every rule the range breaks, in the order a founder can best act on them. */
    static List<RuleBroken> broken(Facts f, OffsetDateTime start, OffsetDateTime end) {
        List<RuleBroken> broken = new ArrayList<>();
        ZonedDateTime s = start.atZoneSameInstant(f.zone());
        ZonedDateTime e = end.atZoneSameInstant(f.zone());
        LocalDate day = s.toLocalDate();
        long minutes = Duration.between(start, end).toMinutes();
        BookingPolicy p = f.policy();

        if (f.blockedUntil() != null && f.blockedUntil().isAfter(f.now())) {
            broken.add(new RuleBroken("no-show-blocked", "Blocked after no-shows",
                    "You missed too many bookings recently; you may book again from "
                            + f.blockedUntil().atZoneSameInstant(f.zone()).toOffsetDateTime()));
        }
        if (f.space().closedOn(day.getDayOfWeek()) || f.closedThatDay()) {
            broken.add(new RuleBroken("space-closed", "Space closed",
                    f.space().code + " is closed on " + day
                            + (f.closureReason() != null ? " (" + f.closureReason() + ")" : " (" + day.getDayOfWeek() + ")")));
        }
        if (s.toLocalTime().isBefore(f.space().opensAt) || e.toLocalTime().isAfter(f.space().closesAt)
                || !e.toLocalDate().equals(day)) {
            broken.add(new RuleBroken("outside-opening-hours", "Outside opening hours",
                    f.space().code + " is open from " + f.space().opensAt + " to " + f.space().closesAt + " (office time)"));
        }
        if (!p.wholeDay && minutes < p.minMinutes) {
            broken.add(new RuleBroken("duration-too-short", "Booking too short",
                    f.space().type + " bookings last at least " + p.minMinutes + " minutes"));
        }
        if (!p.wholeDay && minutes > p.maxMinutes) {
            broken.add(new RuleBroken("duration-too-long", "Booking too long",
                    f.space().type + " bookings last at most " + p.maxMinutes + " minutes"));
        }
        if (start.isBefore(f.now().plusMinutes(p.minLeadMinutes))) {
            broken.add(new RuleBroken("lead-time-too-short", "Too late to book",
                    f.space().type + " bookings must be made at least " + p.minLeadMinutes + " minutes before they start"));
        }
        if (day.isAfter(f.now().atZoneSameInstant(f.zone()).toLocalDate().plusDays(p.maxDaysAhead))) {
            broken.add(new RuleBroken("too-far-ahead", "Too far ahead",
                    f.space().type + " bookings open " + p.maxDaysAhead + " days ahead"));
        }
        if (f.activeBookings() >= p.maxActiveBookings) {
            broken.add(new RuleBroken("too-many-active-bookings", "Too many active bookings",
                    "You may hold at most " + p.maxActiveBookings + " active " + f.space().type + " bookings"));
        }
        if (f.founderWeekMinutes() + minutes > p.weeklyHoursPerFounder * 60L) {
            broken.add(new RuleBroken("weekly-quota-exceeded", "Weekly quota exceeded",
                    "Your " + f.space().type + " quota is " + p.weeklyHoursPerFounder + " hours a week; "
                            + f.founderWeekMinutes() / 60.0 + " are booked that week"));
        }
        if (f.member() != null && f.member().teamId != null && f.teamWeekMinutes() + minutes > p.weeklyHoursPerTeam * 60L) {
            broken.add(new RuleBroken("team-weekly-quota-exceeded", "Team weekly quota exceeded",
                    "Your team's " + f.space().type + " quota is " + p.weeklyHoursPerTeam + " hours a week; "
                            + f.teamWeekMinutes() / 60.0 + " are booked that week"));
        }
        return broken;
    }
}
