package org.smarttown.care.alert;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.smarttown.care.config.CareConfig;
import org.smarttown.care.profile.CareRhythm;
import org.smarttown.care.reading.ReadingListener;
import org.smarttown.care.reading.ReadingType;
import org.smarttown.care.reading.StoredReading;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The rules that look at readings as they arrive: emergencies at once, low batteries, and vital
 * signs against the resident's own baseline with the clinical limits beneath. (Inactivity and
 * silent devices are about readings that did not arrive: {@link CareScanner} looks for those.)
 */
@ApplicationScoped
public class DetectionService implements ReadingListener {

    static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final AlertService alerts;
    private final AlertFeed feed;
    private final CareConfig config;
    private final BaselineStore baselines;

    public DetectionService(AlertService alerts, AlertFeed feed, CareConfig config, BaselineStore baselines) {
        this.alerts = alerts;
        this.feed = feed;
        this.config = config;
        this.baselines = baselines;
    }

    @Override
    public Uni<Runnable> onStored(List<StoredReading> readings) {
        List<AlertView> changed = new ArrayList<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        Map<String, List<StoredReading>> vitals = new LinkedHashMap<>();
        for (StoredReading r : readings) {
            if (r.residentId() == null) {
                continue;
            }
            if (r.type().emergency() && r.value() >= 1) {
                Detected found = new Detected(r.residentId(), AlertKind.valueOf(r.type().name()), AlertLevel.CRITICAL,
                        r.deviceSerial(), new Explanation("EMERGENCY_EVENT",
                                r.type() + " reported by " + r.deviceSerial() + " at " + clock(r.measuredAt()),
                                "every " + r.type() + " is an emergency", "at once, no confirmation awaited"),
                        r.measuredAt());
                chain = chain.chain(() -> collect(alerts.raise(found, true), changed));
            } else if (r.type() == ReadingType.BATTERY && r.value() < config.detection().batteryLowPercent()) {
                Detected found = new Detected(r.residentId(), AlertKind.LOW_BATTERY, AlertLevel.TECHNICAL,
                        r.deviceSerial(), new Explanation("LOW_BATTERY",
                                "battery " + Bounds.round(r.value()) + " % on " + r.deviceSerial() + " at "
                                        + clock(r.measuredAt()),
                                "under " + config.detection().batteryLowPercent() + " %", "latest battery reading"),
                        r.measuredAt());
                chain = chain.chain(() -> collect(alerts.raise(found, false), changed));
            } else if (r.type() == ReadingType.HEART_RATE || r.type() == ReadingType.SPO2) {
                vitals.computeIfAbsent(r.residentId() + "/" + r.type(), k -> new ArrayList<>()).add(r);
            }
        }
        if (!vitals.isEmpty()) {
            Set<UUID> residents = new HashSet<>();
            vitals.values().forEach(group -> residents.add(group.get(0).residentId()));
            List<BaselineStore.Change> baselineChanges = new ArrayList<>();
            chain = chain.chain(() -> baselines.load(residents)).chain(stored -> {
                Uni<Void> groups = Uni.createFrom().voidItem();
                for (List<StoredReading> group : vitals.values()) {
                    groups = groups.chain(() -> vitals(group, stored, baselineChanges))
                            .chain(found -> found == null ? Uni.createFrom().voidItem()
                                    : collect(alerts.raise(found, true), changed));
                }
                return groups;
            }).chain(() -> baselines.save(baselineChanges));
        }
        return chain.map(ignored -> () -> feed.publish(changed));
    }

    /**
     * The bounds one resident's new readings of one vital sign are held against: their stored
     * baseline, computed afresh (from the history before these readings) only when there is none
     * yet, when the stored one is still short of samples but may now have enough, or when the
     * refresh job has left it twice its interval old. Notes what to write back.
     */
    private Uni<Bounds> bounds(UUID resident, ReadingType type, OffsetDateTime before, int added,
            Map<String, BaselineStore.Stored> stored, List<BaselineStore.Change> changes) {
        CareConfig.Detection cfg = config.detection();
        BaselineStore.Stored known = stored.get(BaselineStore.key(resident, type));
        boolean usable = known != null
                && (known.median() != null || known.samples() < cfg.baselineMinSamples())
                && known.computedAt().isAfter(OffsetDateTime.now(ZoneOffset.UTC).minus(cfg.baselineRefresh().multipliedBy(2)));
        Uni<BaselineStore.Stored> baseline;
        if (usable) {
            changes.add(new BaselineStore.Change(resident, type, null, added));
            baseline = Uni.createFrom().item(known);
        } else {
            baseline = baselines.compute(resident, type, before.minus(cfg.baselineWindow()), before)
                    .invoke(fresh -> changes.add(new BaselineStore.Change(resident, type, fresh, added)));
        }
        return baseline.map(b -> Bounds.learn(type, b.samples(), cfg.baselineMinSamples(), b.median(), b.mad()));
    }

    /** Holds one resident's new readings of one vital sign against their bounds. */
    private Uni<Detected> vitals(List<StoredReading> group, Map<String, BaselineStore.Stored> stored,
            List<BaselineStore.Change> changes) {
        group.sort(Comparator.comparing(StoredReading::measuredAt));
        StoredReading first = group.get(0);
        UUID resident = first.residentId();
        ReadingType type = first.type();
        CareConfig.Detection cfg = config.detection();
        return bounds(resident, type, first.measuredAt(), group.size(), stored, changes)
                .chain(bounds -> {
                    StoredReading worst = null;
                    for (StoredReading r : group) {
                        if (bounds.out(r.value()) != null) {
                            worst = r;
                        }
                    }
                    if (worst == null) {
                        return Uni.createFrom().nullItem();
                    }
                    StoredReading latest = worst;
                    Bounds.Side side = bounds.out(latest.value());
                    Uni<Boolean> atRest = type == ReadingType.HEART_RATE && side == Bounds.Side.HIGH
                            ? stepsBefore(resident, latest.measuredAt()).map(steps -> steps == 0)
                            : Uni.createFrom().item(Boolean.TRUE);
                    return atRest.chain(rest -> {
                        if (!rest) {
                            // A fast heart while walking is exercise, not an emergency.
                            return Uni.createFrom().nullItem();
                        }
                        return window(resident, type, latest.measuredAt()).map(values -> {
                            long outSameSide = values.stream().filter(v -> bounds.out(v) == side).count();
                            boolean sustained = values.size() >= cfg.sustainedMinReadings()
                                    && outSameSide == values.size();
                            String minutes = cfg.sustained().toMinutes() + " min";
                            String window = sustained
                                    ? values.size() + " readings in the last " + minutes + ", all " + word(side)
                                            + ": sustained"
                                    : outSameSide + " of " + values.size() + " readings in the last " + minutes + " "
                                            + word(side) + " (sustained needs " + cfg.sustainedMinReadings()
                                            + ", all " + word(side) + ")";
                            String seen = name(type) + " " + Bounds.round(latest.value()) + " " + type.unit + " at "
                                    + clock(latest.measuredAt()) + " from " + latest.deviceSerial()
                                    + (type == ReadingType.HEART_RATE && side == Bounds.Side.HIGH
                                            ? ", at rest (no steps in the " + cfg.restWindow().toMinutes()
                                                    + " min before)"
                                            : "");
                            String rule = Bounds.clinical(type, latest.value()) != null ? "VITAL_CLINICAL_LIMIT"
                                    : "VITAL_PERSONAL_BASELINE";
                            return new Detected(resident, AlertKind.valueOf(type.name()),
                                    sustained ? AlertLevel.CRITICAL : AlertLevel.WARNING, latest.deviceSerial(),
                                    new Explanation(rule, seen, bounds.describe(latest.value()), window),
                                    latest.measuredAt());
                        });
                    });
                });
    }

    /** The steps counted in the rest window ending at {@code at}. */
    private Uni<Double> stepsBefore(UUID resident, OffsetDateTime at) {
        return Panache.getSession().chain(session -> session.createSelectionQuery(
                "select sum(value) from Reading where residentId = ?1 and type = ?2"
                        + " and measuredAt >= ?3 and measuredAt <= ?4", Double.class)
                .setParameter(1, resident).setParameter(2, ReadingType.STEPS)
                .setParameter(3, at.minus(config.detection().restWindow())).setParameter(4, at)
                .getSingleResultOrNull())
                .map(steps -> steps == null ? 0 : steps);
    }

    /** The values of one vital sign in the sustained window ending at {@code at}. */
    private Uni<List<Double>> window(UUID resident, ReadingType type, OffsetDateTime at) {
        return Panache.getSession().chain(session -> session.createSelectionQuery(
                "select value from Reading where residentId = ?1 and type = ?2"
                        + " and measuredAt > ?3 and measuredAt <= ?4", Double.class)
                .setParameter(1, resident).setParameter(2, type)
                .setParameter(3, at.minus(config.detection().sustained())).setParameter(4, at)
                .getResultList());
    }

    private static Uni<Void> collect(Uni<AlertView> change, List<AlertView> changed) {
        return change.invoke(view -> {
            if (view != null) {
                changed.add(view);
            }
        }).replaceWithVoid();
    }

    static String clock(OffsetDateTime at) {
        return at.atZoneSameInstant(CareRhythm.OFFICE_ZONE).format(CLOCK) + " KST";
    }

    private static String word(Bounds.Side side) {
        return Objects.equals(side, Bounds.Side.LOW) ? "below" : "above";
    }

    private static String name(ReadingType type) {
        return type == ReadingType.HEART_RATE ? "heart rate" : "SpO2";
    }
}
