package org.smarttown.care.summary;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.smarttown.care.alert.AlertView;
import org.smarttown.care.profile.CareProfile;
import org.smarttown.care.profile.Condition;
import org.smarttown.care.screening.ScreeningTrend;
import org.smarttown.care.visit.VisitView;
import org.smarttown.care.vr.VrService;

/**
 * Everything the console's resident page needs in one answer: who, open alerts, the latest vital
 * signs, the screening trend, VR attendance and the next visit.
 */
public record ResidentSummary(
        UUID residentId,
        String name,
        CareProfile.Status status,
        String assignedCareWorker,
        List<Condition> conditions,
        List<AlertView> openAlerts,
        List<Vital> lastVitals,
        List<ScreeningTrend.ByInstrument> screenings,
        Vr vr,
        VisitView nextVisit,
        long overdueVisits,
        OffsetDateTime generatedAt) {

    /** The latest reading of one type (vital signs, steps, activity, door). */
    public record Vital(String type, double value, String unit, OffsetDateTime measuredAt, String deviceSerial) {
    }

    /** VR attendance: counts over all sessions, and the latest ones (newest first). */
    public record Vr(long attended, long noShow, long upcoming, List<VrService.ResidentVr> recent) {
    }
}
