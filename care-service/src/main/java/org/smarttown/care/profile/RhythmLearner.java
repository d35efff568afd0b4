package org.smarttown.care.profile;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.smarttown.care.config.CareConfig;
import org.smarttown.care.reading.Reading;
import org.smarttown.commons.reactive.PeriodicJob;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * Learns each resident's active hours and quiet period from their own activity history, once
 * there is enough of it: the Asia/Seoul hours in which they usually move, and a high percentile of
 * the longest silence of each day's active hours. A job relearns every open profile a day
 * ({@code care.profile.learning.every}) after it last looked; staff's own values are never touched.
 */
@ApplicationScoped
public class RhythmLearner {

    private static final Logger LOG = Logger.getLogger(RhythmLearner.class);
    /** Profiles read per query of the job (each is then learned in its own transaction). */
    private static final int BATCH = 200;

    private final CareConfig config;
    private final Vertx vertx;
    private PeriodicJob<Integer> job;

    public RhythmLearner(CareConfig config, Vertx vertx) {
        this.config = config;
        this.vertx = vertx;
    }

    /** What the history showed. */
    public record Learned(LocalTime activeFrom, LocalTime activeTo, int quietPeriodMinutes, int days) {
    }

    void start(@Observes StartupEvent event) {
        if (config.detection().scanEnabled()) {
            job = PeriodicJob.start(vertx, "Learning rhythms", Duration.ofSeconds(30),
                    config.profile().learning().checkInterval(), () -> learnDue(now()),
                    count -> LOG.debugf("Rhythm learned again for %d profiles", count), LOG);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (job != null) {
            job.stop();
        }
    }

    /** Relearns every open profile not looked at within {@code every}; returns how many it looked at. */
    public Uni<Integer> learnDue(OffsetDateTime now) {
        OffsetDateTime due = now.minus(config.profile().learning().every());
        return Panache.withSession(() -> Panache.getSession().chain(session -> session.createSelectionQuery(
                "select residentId from CareProfile where status = ?2"
                        + " and (rhythmCheckedAt is null or rhythmCheckedAt < ?1)"
                        + " order by rhythmCheckedAt nulls first limit " + BATCH, UUID.class)
                .setParameter(1, due).setParameter(2, CareProfile.Status.OPEN).getResultList()))
                .chain(ids -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (UUID id : ids) {
                        chain = chain.chain(() -> learn(id, now)).replaceWithVoid();
                    }
                    return chain.map(ignored -> ids.size()).chain(count -> count == BATCH
                            ? learnDue(now).map(more -> count + more)
                            : Uni.createFrom().item(count));
                });
    }

    /**
     * Learns one resident's rhythm from the history before {@code now}'s day (Asia/Seoul) and stores
     * it on the profile, or forgets an old one when the history no longer suffices. Returns what was
     * learned, or null.
     */
    public Uni<Learned> learn(UUID residentId, OffsetDateTime now) {
        CareConfig.Learning cfg = config.profile().learning();
        LocalDate today = now.atZoneSameInstant(CareRhythm.OFFICE_ZONE).toLocalDate();
        OffsetDateTime to = today.atStartOfDay(CareRhythm.OFFICE_ZONE).toOffsetDateTime();
        OffsetDateTime from = to.minusDays(Math.max(1, cfg.window().toDays()));
        return Panache.withTransaction(() -> CareProfile.<CareProfile> findById(residentId).chain(profile -> {
            if (profile == null || !profile.isOpen()) {
                return Uni.createFrom().nullItem();
            }
            return activityMinutes(residentId, from, to).chain(minutes -> {
                Learned learned = learn(minutes, to.toLocalDateTime(), cfg);
                if (learned == null) {
                    profile.forgetLearnedRhythm();
                } else {
                    profile.learnedActiveFrom = learned.activeFrom();
                    profile.learnedActiveTo = learned.activeTo();
                    profile.learnedQuietPeriodMinutes = learned.quietPeriodMinutes();
                    profile.rhythmLearnedDays = learned.days();
                    profile.rhythmLearnedAt = now;
                }
                profile.rhythmCheckedAt = now;
                return profile.persist().replaceWith(learned);
            });
        }));
    }

    /** The minutes (Asia/Seoul wall-clock, ascending) in which the resident showed any activity. */
    private static Uni<List<LocalDateTime>> activityMinutes(UUID residentId, OffsetDateTime from, OffsetDateTime to) {
        return Panache.getSession().chain(session -> session.createSelectionQuery("""
                select distinct floor(extract(epoch from r.measuredAt) / 60) as minute from Reading r
                where r.residentId = ?1 and %s and r.measuredAt >= ?2 and r.measuredAt < ?3
                order by minute""".formatted(Reading.SHOWS_ACTIVITY), Number.class)
                .setParameter(1, residentId).setParameter(2, from).setParameter(3, to).getResultList())
                .map(rows -> rows.stream().map(row -> LocalDateTime.ofInstant(
                        Instant.ofEpochSecond(row.longValue() * 60), CareRhythm.OFFICE_ZONE)).toList());
    }

    /**
     * The rhythm in {@code minutes} of activity (ascending, Asia/Seoul), all before {@code end}; null
     * with fewer than {@code minDays} days of activity or no hour active often enough.
     */
    static Learned learn(List<LocalDateTime> minutes, LocalDateTime end, CareConfig.Learning cfg) {
        Set<LocalDate> days = new TreeSet<>();
        Set<LocalDate>[] daysByHour = hourSets();
        for (LocalDateTime m : minutes) {
            days.add(m.toLocalDate());
            daysByHour[m.getHour()].add(m.toLocalDate());
        }
        if (days.size() < cfg.minDays()) {
            return null;
        }
        boolean[] active = new boolean[24];
        int activeHours = 0;
        for (int h = 0; h < 24; h++) {
            active[h] = daysByHour[h].size() >= cfg.activeHourShare() * days.size();
            activeHours += active[h] ? 1 : 0;
        }
        if (activeHours == 0) {
            return null;
        }
        LocalTime from;
        LocalTime to;
        if (activeHours == 24) {
            from = LocalTime.MIDNIGHT;
            to = LocalTime.MIDNIGHT;
        } else {
            // The active hours are everything outside the longest run of inactive hours (a run may
            // wrap midnight): one window, so an hour of usual rest inside the day stays watched.
            int bestStart = 0;
            int bestLength = 0;
            for (int start = 0; start < 24; start++) {
                if (active[start] || !active[(start + 23) % 24]) {
                    continue;
                }
                int length = 0;
                while (length < 24 && !active[(start + length) % 24]) {
                    length++;
                }
                if (length > bestLength) {
                    bestLength = length;
                    bestStart = start;
                }
            }
            from = LocalTime.of((bestStart + bestLength) % 24, 0);
            to = LocalTime.of(bestStart, 0);
        }
        List<Long> longest = new ArrayList<>();
        for (LocalDate day : days) {
            LocalDateTime windowStart = day.atTime(from);
            LocalDateTime windowEnd = !from.isBefore(to) ? day.plusDays(1).atTime(to) : day.atTime(to);
            if (windowEnd.isAfter(end)) {
                continue;
            }
            longest.add(longestSilence(minutes, windowStart, windowEnd));
        }
        if (longest.isEmpty()) {
            return null;
        }
        Collections.sort(longest);
        long percentile = longest.get((int) Math.min(longest.size() - 1,
                Math.max(0, Math.ceil(cfg.quietPercentile() * longest.size()) - 1)));
        // Whole quarter hours: a quiet period is a rule of thumb, not a measurement to the minute.
        long quiet = (percentile + 14) / 15 * 15;
        quiet = Math.max(cfg.minQuietMinutes(), Math.min(cfg.maxQuietMinutes(), quiet));
        return new Learned(from, to, (int) quiet, days.size());
    }

    /** The longest stretch without activity within [start, end), in minutes, counting both edges. */
    private static long longestSilence(List<LocalDateTime> minutes, LocalDateTime start, LocalDateTime end) {
        int i = Collections.binarySearch(minutes, start);
        int index = i >= 0 ? i : -i - 1;
        LocalDateTime previous = start;
        long longest = 0;
        for (; index < minutes.size() && minutes.get(index).isBefore(end); index++) {
            longest = Math.max(longest, Duration.between(previous, minutes.get(index)).toMinutes());
            previous = minutes.get(index);
        }
        return Math.max(longest, Duration.between(previous, end).toMinutes());
    }

    @SuppressWarnings("unchecked")
    private static Set<LocalDate>[] hourSets() {
        Set<LocalDate>[] sets = new Set[24];
        for (int h = 0; h < 24; h++) {
            sets[h] = new TreeSet<>();
        }
        return sets;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
