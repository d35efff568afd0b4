package org.smarttown.coworking.report;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.smarttown.commons.problem.Invalid;
import org.smarttown.coworking.booking.Booking;
import org.smarttown.coworking.config.CoworkingConfig;
import org.smarttown.coworking.space.Space;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** Occupancy by space, day and hour, and the no-show rate, for space managers. */
@ApplicationScoped
public class ReportService {

    static final int MAX_DAYS = 92;

    private final CoworkingConfig config;

    public ReportService(CoworkingConfig config) {
        this.config = config;
    }

    /** One booked slice: the part of a booking inside one hour of one day, per space. */
    public record Slice(String spaceCode, LocalDate day, int hour, long minutes) {
    }

    @WithSession
    public Uni<OccupancyReport> occupancy(LocalDate from, LocalDate to) {
        check(from, to);
        return load(from, to).map(data -> {
            List<Slice> slices = slices(data.bookings(), data.spaces());
            Map<UUID, Double> bookedBySpace = data.bookings().stream().filter(b -> Booking.ACTIVE.contains(b.status))
                    .collect(Collectors.groupingBy(b -> b.spaceId, Collectors.summingDouble(b -> b.minutes() / 60.0)));
            List<OccupancyReport.BySpace> bySpace = data.spaces().stream().map(space -> {
                double booked = bookedBySpace.getOrDefault(space.id, 0.0);
                double open = openHours(space, from, to);
                return new OccupancyReport.BySpace(space.code, space.type.name(), round(booked), round(open),
                        open == 0 ? 0 : round(booked / open));
            }).toList();
            Map<LocalDate, Double> byDay = new TreeMap<>();
            Map<Integer, Double> byHour = new TreeMap<>();
            for (Slice slice : slices) {
                byDay.merge(slice.day(), slice.minutes() / 60.0, Double::sum);
                byHour.merge(slice.hour(), slice.minutes() / 60.0, Double::sum);
            }
            long noShows = data.bookings().stream().filter(b -> b.status == Booking.Status.NO_SHOW).count();
            long attended = data.bookings().stream().filter(b -> b.status == Booking.Status.CHECKED_IN).count();
            return new OccupancyReport(from, to, bySpace,
                    byDay.entrySet().stream().map(e -> new OccupancyReport.ByDay(e.getKey(), round(e.getValue()))).toList(),
                    byHour.entrySet().stream().map(e -> new OccupancyReport.ByHour(e.getKey(), round(e.getValue()))).toList(),
                    new OccupancyReport.NoShows(attended, noShows,
                            attended + noShows == 0 ? 0 : round((double) noShows / (attended + noShows))));
        });
    }

    /** The same data as CSV: one row per space, day and hour with booked minutes. */
    @WithSession
    public Uni<String> occupancyCsv(LocalDate from, LocalDate to) {
        check(from, to);
        return load(from, to).map(data -> {
            StringBuilder csv = new StringBuilder("space,day,hour,booked_minutes\r\n");
            Map<String, Long> rows = new TreeMap<>();
            for (Slice s : slices(data.bookings(), data.spaces())) {
                rows.merge(csvField(s.spaceCode()) + "," + s.day() + "," + String.format("%02d", s.hour()), s.minutes(), Long::sum);
            }
            rows.forEach((key, minutes) -> csv.append(key).append(',').append(minutes).append("\r\n"));
            return csv.toString();
        });
    }

    private record Data(List<Booking> bookings, List<Space> spaces) {
    }

    private Uni<Data> load(LocalDate from, LocalDate to) {
        OffsetDateTime start = from.atStartOfDay(config.zone()).toOffsetDateTime();
        OffsetDateTime end = to.plusDays(1).atStartOfDay(config.zone()).toOffsetDateTime();
        return Booking.<Booking> list("startAt >= ?1 and startAt < ?2 and status <> ?3", Sort.by("startAt"), start, end,
                Booking.Status.CANCELLED)
                .chain(bookings -> Space.<Space> listAll(Sort.by("code")).map(spaces -> new Data(bookings, spaces)));
    }

    private List<Slice> slices(List<Booking> bookings, List<Space> spaces) {
        Map<UUID, String> codes = spaces.stream().collect(Collectors.toMap(s -> s.id, s -> s.code));
        List<Slice> slices = new ArrayList<>();
        for (Booking b : bookings) {
            if (!Booking.ACTIVE.contains(b.status)) {
                continue;
            }
            ZonedDateTime cursor = b.startAt.atZoneSameInstant(config.zone());
            ZonedDateTime end = b.endAt.atZoneSameInstant(config.zone());
            while (cursor.isBefore(end)) {
                ZonedDateTime nextHour = cursor.withMinute(0).withSecond(0).withNano(0).plusHours(1);
                ZonedDateTime sliceEnd = nextHour.isBefore(end) ? nextHour : end;
                slices.add(new Slice(codes.get(b.spaceId), cursor.toLocalDate(), cursor.getHour(),
                        Duration.between(cursor, sliceEnd).toMinutes()));
                cursor = sliceEnd;
            }
        }
        return slices;
    }

    private static double openHours(Space space, LocalDate from, LocalDate to) {
        double perDay = Duration.between(space.opensAt, space.closesAt).toMinutes() / 60.0;
        double total = 0;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (!space.closedOn(d.getDayOfWeek())) {
                total += perDay;
            }
        }
        return total;
    }

    private static void check(LocalDate from, LocalDate to) {
        if (from == null) {
            throw new Invalid("from", "is required (a date)");
        }
        if (to == null) {
            throw new Invalid("to", "is required (a date)");
        }
        if (to.isBefore(from)) {
            throw new Invalid("to", "must not be before from");
        }
        if (to.isAfter(from.plusDays(MAX_DAYS))) {
            throw new Invalid("to", "a report covers at most " + MAX_DAYS + " days");
        }
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    /** Space codes are [A-Z0-9-] by validation; quoting keeps the CSV safe should that ever change. */
    private static String csvField(String text) {
        String safe = text == null ? "" : text;
        if (safe.startsWith("=") || safe.startsWith("+") || safe.startsWith("@")) {
            safe = "'" + safe;
        }
        return safe.contains(",") || safe.contains("\"") ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
