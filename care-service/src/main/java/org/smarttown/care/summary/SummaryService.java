package org.smarttown.care.summary;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.smarttown.care.alert.AlertService;
import org.smarttown.care.profile.CareProfileService;
import org.smarttown.care.reading.ReadingType;
import org.smarttown.care.screening.ScreeningService;
import org.smarttown.care.visit.CareVisit;
import org.smarttown.care.visit.VisitService;
import org.smarttown.care.visit.VisitView;
import org.smarttown.care.vr.VrEnrolment;
import org.smarttown.care.vr.VrService;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** Composes the resident summary from each feature's own service, in one database session. */
@ApplicationScoped
public class SummaryService {

    /** How many recent VR sessions the summary lists. */
    static final int RECENT_VR = 5;

    private final CareProfileService profiles;
    private final AlertService alerts;
    private final ScreeningService screenings;
    private final VrService vr;
    private final VisitService visits;

    public SummaryService(CareProfileService profiles, AlertService alerts, ScreeningService screenings, VrService vr,
            VisitService visits) {
        this.profiles = profiles;
        this.alerts = alerts;
        this.screenings = screenings;
        this.vr = vr;
        this.visits = visits;
    }

    @WithSession
    public Uni<ResidentSummary> summary(UUID residentId) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return profiles.find(residentId).chain(profile -> alerts.openFor(residentId)
                .chain(open -> lastVitals(residentId)
                        .chain(vitals -> screenings.trendInSession(residentId)
                                .chain(trend -> vrCounts(residentId, now)
                                        .chain(counts -> vr.ofResident(residentId, RECENT_VR)
                                                .chain(recent -> visits.next(residentId)
                                                        .chain(next -> CareVisit.count(
                                                                "residentId = ?1 and status = ?2 and dueAt < ?3", residentId,
                                                                CareVisit.Status.PLANNED, now)
                                                                .map(overdue -> new ResidentSummary(residentId, profile.name,
                                                                        profile.status, profile.assignedCareWorker,
                                                                        profile.conditions, open, vitals,
                                                                        trend.instruments(),
                                                                        new ResidentSummary.Vr(counts[0], counts[1], counts[2],
                                                                                recent),
                                                                        next == null ? null : VisitView.of(next, now),
                                                                        overdue, now)))))))));
    }

    /**
     * The latest vital sign and sign of activity of each type (emergencies are in the alerts, device
     * state on the devices).
     */
    private static Uni<List<ResidentSummary.Vital>> lastVitals(UUID residentId) {
        List<String> types = Arrays.stream(ReadingType.values()).filter(t -> t.vital || t.showsActivity())
                .map(Enum::name).toList();
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                select distinct on (type) type, value, extract(epoch from measured_at), device_serial
                from reading where resident_id = ?1 and type in (?2)
                order by type, measured_at desc""", Object[].class).setParameter(1, residentId).setParameter(2, types)
                .getResultList())
                .map(rows -> {
                    List<ResidentSummary.Vital> vitals = new ArrayList<>();
                    for (Object[] row : rows) {
                        ReadingType type = ReadingType.valueOf((String) row[0]);
                        vitals.add(new ResidentSummary.Vital(type.name(), ((Number) row[1]).doubleValue(), type.unit,
                                Instant.ofEpochMilli((long) (((Number) row[2]).doubleValue() * 1000)).atOffset(ZoneOffset.UTC),
                                (String) row[3]));
                    }
                    return vitals;
                });
    }

    /** Attended, no-show and upcoming enrolments. */
    private static Uni<long[]> vrCounts(UUID residentId, OffsetDateTime now) {
        return Panache.getSession().chain(session -> session.createSelectionQuery("""
                select count(*) filter (where attendance = ?3), count(*) filter (where attendance = ?4),
                       count(*) filter (where startsAt > ?2)
                from VrEnrolment where residentId = ?1""", Object[].class)
                .setParameter(1, residentId).setParameter(2, now).setParameter(3, VrEnrolment.Attendance.ATTENDED)
                .setParameter(4, VrEnrolment.Attendance.NO_SHOW).getSingleResult())
                .map(row -> new long[] { ((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                        ((Number) row[2]).longValue() });
    }
}
