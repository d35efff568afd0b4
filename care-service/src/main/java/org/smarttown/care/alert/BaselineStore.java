package org.smarttown.care.alert;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.smarttown.care.config.CareConfig;
import org.smarttown.care.reading.ReadingType;
import org.smarttown.commons.reactive.PeriodicJob;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * The residents' learned vital-sign baselines, stored (table {@code vital_baseline}) so that
 * judging a batch reads one row per resident and vital sign instead of aggregating 14 days of
 * history. A job computes stale rows again every {@code care.detection.baseline-refresh}.
 */
@ApplicationScoped
public class BaselineStore {

    private static final Logger LOG = Logger.getLogger(BaselineStore.class);
    private static final int BATCH = 200;

    /** Median and MAD of a window of history, and how many readings it held then and since. */
    record Stored(long samples, Double median, Double mad, OffsetDateTime computedAt) {
    }

    private final CareConfig config;
    private final Vertx vertx;
    private PeriodicJob<Integer> job;

    public BaselineStore(CareConfig config, Vertx vertx) {
        this.config = config;
        this.vertx = vertx;
    }

    static String key(UUID residentId, ReadingType type) {
        return residentId + "/" + type;
    }

    /** The stored baselines of these residents, by {@link #key}. */
    Uni<Map<String, Stored>> load(Collection<UUID> residents) {
        if (residents.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "select cast(resident_id as text), type, samples, median, mad, extract(epoch from computed_at)"
                        + " from vital_baseline where resident_id in (?1)", Object[].class)
                .setParameter(1, List.copyOf(residents)).getResultList())
                .map(rows -> {
                    Map<String, Stored> stored = new HashMap<>();
                    for (Object[] row : rows) {
                        stored.put(row[0] + "/" + row[1], new Stored(((Number) row[2]).longValue(), number(row[3]),
                                number(row[4]), epoch(row[5])));
                    }
                    return stored;
                });
    }

    /** Median and median absolute deviation of the resident's readings of one type in [from, to). */
    Uni<Stored> compute(UUID resident, ReadingType type, OffsetDateTime from, OffsetDateTime to) {
        return Panache.getSession().chain(session -> session.createSelectionQuery("""
                with h as (select r.value as v from Reading r
                           where r.residentId = ?1 and r.type = ?2 and r.measuredAt >= ?3 and r.measuredAt < ?4),
                     m as (select count(*) as n, percentile_cont(0.5) within group (order by h1.v) as med from h h1)
                select m1.n, m1.med,
                       (select percentile_cont(0.5) within group (order by abs(h2.v - m1.med)) from h h2)
                from m m1""", Object[].class)
                .setParameter(1, resident).setParameter(2, type).setParameter(3, from).setParameter(4, to)
                .getSingleResult())
                .map(row -> new Stored(((Number) row[0]).longValue(), number(row[1]), number(row[2]), to));
    }

    /** A baseline to store as computed now ({@code fresh}), or only more readings counted in it. */
    record Change(UUID residentId, ReadingType type, Stored fresh, long added) {
    }

    /** Appends {@code count} rows of {@code row}, whose {@code %d}s are numbered on from row to row. */
    private static void rows(StringBuilder sql, int count, String row) {
        int width = row.split("%d", -1).length - 1;
        for (int i = 0; i < count; i++) {
            Object[] numbers = new Object[width];
            for (int j = 0; j < width; j++) {
                numbers[j] = i * width + j + 1;
            }
            sql.append(i == 0 ? "" : ",").append(row.formatted(numbers));
        }
    }

    /**
     * Writes a batch's changes in the caller's transaction, in key order (so that concurrent
     * batches lock shared rows in the same order): fresh rows replace, the others count up.
     */
    Uni<Void> save(List<Change> changes) {
        List<Change> sorted = new ArrayList<>(changes);
        sorted.sort(Comparator.comparing((Change c) -> c.residentId().toString()).thenComparing(c -> c.type().name()));
        List<Change> fresh = sorted.stream().filter(c -> c.fresh() != null).toList();
        List<Change> counted = sorted.stream().filter(c -> c.fresh() == null).toList();
        Uni<Void> chain = Uni.createFrom().voidItem();
        if (!fresh.isEmpty()) {
            StringBuilder sql = new StringBuilder(
                    "insert into vital_baseline (resident_id, type, samples, median, mad, computed_at) values ");
            rows(sql, fresh.size(), "(cast(?%d as uuid), ?%d, ?%d, cast(?%d as double precision),"
                    + " cast(?%d as double precision), ?%d)");
            sql.append(" on conflict (resident_id, type) do update set samples = excluded.samples,"
                    + " median = excluded.median, mad = excluded.mad, computed_at = excluded.computed_at");
            chain = chain.chain(() -> Panache.getSession().chain(session -> {
                var query = session.createNativeQuery(sql.toString());
                for (int i = 0; i < fresh.size(); i++) {
                    Change c = fresh.get(i);
                    int p = i * 6;
                    query.setParameter(p + 1, c.residentId().toString());
                    query.setParameter(p + 2, c.type().name());
                    query.setParameter(p + 3, c.fresh().samples() + c.added());
                    query.setParameter(p + 4, c.fresh().median());
                    query.setParameter(p + 5, c.fresh().mad());
                    query.setParameter(p + 6, c.fresh().computedAt());
                }
                return query.executeUpdate();
            })).replaceWithVoid();
        }
        if (!counted.isEmpty()) {
            StringBuilder sql = new StringBuilder("update vital_baseline b set samples = b.samples + v.added from (values ");
            rows(sql, counted.size(), "(cast(?%d as uuid), cast(?%d as varchar), cast(?%d as bigint))");
            sql.append(") as v(resident_id, type, added) where b.resident_id = v.resident_id and b.type = v.type");
            chain = chain.chain(() -> Panache.getSession().chain(session -> {
                var query = session.createNativeQuery(sql.toString());
                for (int i = 0; i < counted.size(); i++) {
                    Change c = counted.get(i);
                    int p = i * 3;
                    query.setParameter(p + 1, c.residentId().toString());
                    query.setParameter(p + 2, c.type().name());
                    query.setParameter(p + 3, c.added());
                }
                return query.executeUpdate();
            })).replaceWithVoid();
        }
        return chain;
    }

    void start(@Observes StartupEvent event) {
        if (config.detection().scanEnabled()) {
            Duration every = config.detection().baselineRefresh();
            job = PeriodicJob.start(vertx, "Refreshing baselines", every.compareTo(Duration.ofMinutes(1)) < 0 ? every
                    : Duration.ofMinutes(1), every, () -> refreshStale(OffsetDateTime.now(ZoneOffset.UTC)),
                    count -> LOG.debugf("Refreshed %d vital-sign baselines", count), LOG);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (job != null) {
            job.stop();
        }
    }

    /** Computes again every baseline older than the refresh interval, each in its own transaction. */
    Uni<Integer> refreshStale(OffsetDateTime now) {
        OffsetDateTime stale = now.minus(config.detection().baselineRefresh());
        return Panache.withSession(() -> Panache.getSession().chain(session -> session.createSelectionQuery(
                "select residentId, type from VitalBaseline where computedAt < ?1 order by computedAt limit " + BATCH,
                Object[].class)
                .setParameter(1, stale).getResultList()))
                .chain(rows -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (Object[] row : rows) {
                        UUID resident = (UUID) row[0];
                        ReadingType type = (ReadingType) row[1];
                        chain = chain.chain(() -> Panache.withTransaction(() -> compute(resident, type,
                                now.minus(config.detection().baselineWindow()), now)
                                .chain(fresh -> save(List.of(new Change(resident, type, fresh, 0))))));
                    }
                    return chain.map(ignored -> rows.size()).chain(count -> count == BATCH
                            ? refreshStale(now).map(more -> count + more)
                            : Uni.createFrom().item(count));
                });
    }

    private static Double number(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }

    private static OffsetDateTime epoch(Object seconds) {
        return java.time.Instant.ofEpochMilli((long) (((Number) seconds).doubleValue() * 1000)).atOffset(ZoneOffset.UTC);
    }
}
