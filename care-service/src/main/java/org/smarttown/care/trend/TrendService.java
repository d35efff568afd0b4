package org.smarttown.care.trend;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.smarttown.care.profile.CareProfileService;
import org.smarttown.care.reading.ReadingType;
import org.smarttown.commons.problem.Invalid;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class TrendService {

    /** Enough points for any chart; more is a request for raw data, which this is not. */
    static final int MAX_BUCKETS = 1000;
    static final Set<ReadingType> CHARTABLE = EnumSet.of(ReadingType.HEART_RATE, ReadingType.SPO2, ReadingType.STEPS,
            ReadingType.SKIN_TEMP, ReadingType.ACTIVITY, ReadingType.BATTERY);

    private final CareProfileService profiles;

    public TrendService(CareProfileService profiles) {
        this.profiles = profiles;
    }

    @WithSession
    public Uni<VitalsTrend> vitals(UUID residentId, ReadingType type, OffsetDateTime from, OffsetDateTime to,
            Duration step) {
        if (!CHARTABLE.contains(type)) {
            throw new Invalid("type", "must be one of " + CHARTABLE);
        }
        if (!from.isBefore(to)) {
            throw new Invalid("from", "must be before to");
        }
        if (step.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new Invalid("step", "must be at least PT1M");
        }
        if (Duration.between(from, to).dividedBy(step) > MAX_BUCKETS) {
            throw new Invalid("step", "gives more than " + MAX_BUCKETS + " buckets for this range; take a longer step");
        }
        // date_bin buckets on the index (resident_id, type, measured_at): one range scan per chart.
        // HQL passes date_bin and make_interval through to PostgreSQL as they are.
        return profiles.find(residentId).chain(profile -> Panache.getSession().chain(session -> session
                .createSelectionQuery("""
                        select function('date_bin' as OffsetDateTime, function('make_interval', 0, 0, 0, 0, 0, 0, ?4),
                                        measuredAt, ?2) as bucket,
                               count(*), min(value), max(value), avg(value), sum(value)
                        from Reading
                        where residentId = ?1 and type = ?5 and measuredAt >= ?2 and measuredAt < ?3
                        group by bucket order by bucket""", Object[].class)
                .setParameter(1, residentId).setParameter(2, from).setParameter(3, to)
                .setParameter(4, (double) step.toSeconds()).setParameter(5, type)
                .getResultList()))
                .map(rows -> new VitalsTrend(residentId, type, type.unit, from, to, step.toString(), rows.stream()
                        .map(row -> new VitalsTrend.Bucket(
                                ((OffsetDateTime) row[0]).withOffsetSameInstant(ZoneOffset.ofHours(9))
                                        .truncatedTo(ChronoUnit.MILLIS),
                                ((Number) row[1]).longValue(), ((Number) row[2]).doubleValue(),
                                ((Number) row[3]).doubleValue(), ((Number) row[4]).doubleValue(),
                                ((Number) row[5]).doubleValue()))
                        .toList()));
    }
}
