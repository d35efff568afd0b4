package org.smarttown.care.alert;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.smarttown.care.config.CareConfig;
import org.smarttown.care.device.Device;
import org.smarttown.care.device.DeviceType;
import org.smarttown.care.profile.CareProfile;
import org.smarttown.care.profile.CareProfileService;
import org.smarttown.care.profile.CareRhythm;
import org.smarttown.care.reading.Reading;
import org.smarttown.care.reading.ReadingType;
import org.smarttown.care.visit.VisitService;
import org.smarttown.commons.db.HqlLiterals;
import org.smarttown.commons.reactive.PeriodicJob;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * Looks for what did not happen: escalation deadlines that passed, residents silent past their
 * quiet period, devices silent past their heartbeat, planned visits past their due time. Everything it needs is in the database
 * (deadlines included), so a restarted service simply carries on at its next scan.
 */
@ApplicationScoped
public class CareScanner {

    private static final Logger LOG = Logger.getLogger(CareScanner.class);
    /** HQL: the device aliased {@code d} can send a reading that shows activity. */
    private static final String ACTIVITY_DEVICE = "d.type in " + HqlLiterals.of(DeviceType.class,
            device -> Arrays.stream(ReadingType.values()).filter(ReadingType::showsActivity).anyMatch(device::canSend));

    private final AlertService alerts;
    private final AlertFeed feed;
    private final CareProfileService profiles;
    private final CareConfig config;
    private final VisitService visits;
    private final Vertx vertx;
    private PeriodicJob<Void> job;

    public CareScanner(AlertService alerts, AlertFeed feed, CareProfileService profiles, CareConfig config,
            VisitService visits, Vertx vertx) {
        this.alerts = alerts;
        this.feed = feed;
        this.profiles = profiles;
        this.config = config;
        this.visits = visits;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent event) {
        if (config.detection().scanEnabled()) {
            job = PeriodicJob.start(vertx, "Care scan", config.detection().scanInterval(),
                    config.detection().scanInterval(), this::scan, ignored -> {
                    }, LOG);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (job != null) {
            job.stop();
        }
    }

    /** One pass of every scan. */
    Uni<Void> scan() {
        return alerts.escalateDue().invoke(feed::publish)
                .chain(() -> Panache.withTransaction(this::inactivity)).invoke(feed::publish)
                .chain(() -> Panache.withTransaction(this::silentDevices)).invoke(feed::publish)
                .chain(visits::markOverdue)
                .replaceWithVoid();
    }

    /** Residents with an activity-capable device and no sign of activity for their quiet period. */
    Uni<List<AlertView>> inactivity() {
        return inactivity(now());
    }

    /** The same, judged as at {@code now} (the scan passes the current time). */
    Uni<List<AlertView>> inactivity(OffsetDateTime now) {
        return Panache.getSession().chain(session -> session.createSelectionQuery("""
                select p.residentId,
                       (select max(r.measuredAt) from Reading r where r.residentId = p.residentId and %s),
                       (select min(d.installedAt) from Device d where d.residentId = p.residentId and %s)
                from CareProfile p
                where p.status = OPEN and exists (select 1 from Device d where d.residentId = p.residentId and %s)"""
                .formatted(Reading.SHOWS_ACTIVITY, ACTIVITY_DEVICE, ACTIVITY_DEVICE), Object[].class)
                .getResultList())
                .chain(rows -> {
                    List<AlertView> changed = new ArrayList<>();
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (Object[] row : rows) {
                        UUID resident = (UUID) row[0];
                        OffsetDateTime lastActivity = utc(row[1]);
                        OffsetDateTime installed = utc(row[2]);
                        chain = chain.chain(() -> CareProfile.<CareProfile> findById(resident))
                                .chain(profile -> {
                                    Detected found = inactive(profile, lastActivity, installed, now);
                                    return found == null ? Uni.createFrom().<AlertView> nullItem()
                                            : alerts.raise(found, false);
                                })
                                .invoke(view -> {
                                    if (view != null) {
                                        changed.add(view);
                                    }
                                }).replaceWithVoid();
                    }
                    return chain.map(ignored -> changed);
                });
    }

    private Detected inactive(CareProfile profile, OffsetDateTime lastActivity, OffsetDateTime installed,
            OffsetDateTime now) {
        CareRhythm rhythm = profiles.rhythm(profile);
        if (!rhythm.isActiveAt(now.atZoneSameInstant(CareRhythm.OFFICE_ZONE))) {
            return null;
        }
        OffsetDateTime since = lastActivity != null ? lastActivity : installed;
        if (since == null) {
            return null;
        }
        long silentMinutes = Duration.between(since, now).toMinutes();
        int quiet = rhythm.quietPeriodMinutes();
        if (silentMinutes <= quiet) {
            return null;
        }
        AlertLevel level = silentMinutes > 2L * quiet ? AlertLevel.CRITICAL : AlertLevel.WARNING;
        String seen = "no activity, steps or door reading for " + silentMinutes + " min "
                + (lastActivity != null ? "(last at " + DetectionService.clock(lastActivity) + ")"
                        : "(none since the devices were installed at " + DetectionService.clock(installed) + ")");
        String against = "quiet period " + quiet + " min during active hours " + rhythm.activeFrom() + "–"
                + rhythm.activeTo() + " KST (" + rhythm.basis() + ")";
        String window = "WARNING past " + quiet + " min, CRITICAL past " + 2 * quiet + " min";
        return new Detected(profile.residentId, AlertKind.INACTIVITY, level, null,
                new Explanation("INACTIVITY", seen, against, window), now);
    }

    /** Installed devices not heard from within their heartbeat interval. */
    Uni<List<AlertView>> silentDevices() {
        OffsetDateTime now = now();
        return Device.<Device> list("residentId is not null and silentAfter < ?1", now).chain(devices -> {
            List<AlertView> changed = new ArrayList<>();
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Device device : devices) {
                OffsetDateTime since = device.lastSeenAt != null ? device.lastSeenAt : device.installedAt;
                String seen = device.serial + " (" + device.type + ") "
                        + (device.lastSeenAt != null ? "last heard at " + DetectionService.clock(device.lastSeenAt)
                                : "never heard since installation at " + DetectionService.clock(device.installedAt));
                Detected found = new Detected(device.residentId, AlertKind.DEVICE_SILENT, AlertLevel.TECHNICAL,
                        device.serial, new Explanation("DEVICE_SILENT", seen,
                                "heartbeat expected every " + device.heartbeatIntervalSeconds + " s",
                                "silent for " + Duration.between(since, now).toMinutes() + " min"),
                        now);
                chain = chain.chain(() -> alerts.raise(found, false)).invoke(view -> {
                    if (view != null) {
                        changed.add(view);
                    }
                }).replaceWithVoid();
            }
            return chain.map(ignored -> changed);
        });
    }

    private static OffsetDateTime utc(Object time) {
        return time == null ? null : ((OffsetDateTime) time).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
