package org.smarttown.resident.risk;

import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.smarttown.resident.config.RiskConfig;
import org.smarttown.resident.resident.Category;
import org.smarttown.resident.resident.Resident;

import io.smallrye.mutiny.Uni;

/**
 * Combines registry signals (age, living alone, categories, no emergency contact) and care signals
 * (open and critical alerts, the latest screening bands, overdue care visits) into a score from 0 to 100 and a level,
 * with the weights of {@link RiskConfig}. The result is stored on the resident whenever an input
 * changes, so search, the map and the stats read it without recomputing.
 */
@ApplicationScoped
public class RiskService {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    private final RiskConfig config;

    public RiskService(RiskConfig config) {
        this.config = config;
    }

    /** Inside a session: the current assessment, from the registry and the care signals stored here. */
    public Uni<RiskAssessment> assess(Resident resident) {
        return CareAlert.<CareAlert> list("residentId = ?1 and resolvedAt is null order by raisedAt, alertId", resident.id)
                .chain(alerts -> CareScreening.<CareScreening> list("residentId = ?1 order by instrument", resident.id)
                        .chain(screenings -> CareOverdueVisit.<CareOverdueVisit> list(
                                "residentId = ?1 and closedAt is null order by dueAt, visitId", resident.id)
                                .map(visits -> assess(resident, alerts, screenings, visits))));
    }

    /** Inside a transaction: recomputes and stores the score of a resident; unknown ids are ignored. */
    public Uni<Void> refresh(UUID residentId) {
        return Resident.<Resident> findById(residentId).chain(resident -> resident == null ? Uni.createFrom().voidItem()
                : refresh(resident));
    }

    public Uni<Void> refresh(Resident resident) {
        return assess(resident).invoke(a -> {
            resident.riskScore = a.score();
            resident.riskLevel = a.level().name();
        }).replaceWithVoid();
    }

    /**
     * Scores a resident being registered, without the database: its id is new, and care-service
     * learns ids only from this service's events, so there is no care signal to read yet. (An
     * import of 10,000 rows saves 30,000 queries this way.)
     */
    public void scoreNewcomer(Resident resident) {
        RiskAssessment a = assess(resident, List.of(), List.of(), List.of());
        resident.riskScore = a.score();
        resident.riskLevel = a.level().name();
    }

    RiskAssessment assess(Resident r, List<CareAlert> openAlerts, List<CareScreening> screenings,
            List<CareOverdueVisit> overdueVisits) {
        List<RiskAssessment.Signal> signals = new ArrayList<>();
        int age = Period.between(r.birthDate, LocalDate.now(SEOUL)).getYears();
        if (age >= 75) {
            signals.add(new RiskAssessment.Signal("AGE_75_PLUS", "registry", config.age75(), "aged " + age));
        }
        if (age >= 85) {
            signals.add(new RiskAssessment.Signal("AGE_85_PLUS", "registry", config.age85(), "aged " + age));
        }
        var categories = r.categories();
        if (categories.contains(Category.LIVING_ALONE)) {
            signals.add(new RiskAssessment.Signal("LIVING_ALONE", "registry", config.livingAlone(), "lives alone"));
        }
        if (categories.contains(Category.BASIC_LIVELIHOOD)) {
            signals.add(new RiskAssessment.Signal("BASIC_LIVELIHOOD", "registry", config.basicLivelihood(),
                    "basic-livelihood recipient"));
        }
        if (categories.contains(Category.DISABLED)) {
            signals.add(new RiskAssessment.Signal("DISABLED", "registry", config.disabled(), "registered disability"));
        }
        if (categories.contains(Category.CHRONIC_ILLNESS)) {
            signals.add(new RiskAssessment.Signal("CHRONIC_ILLNESS", "registry", config.chronicIllness(),
                    r.conditions.isEmpty() ? "chronic illness" : String.join(", ", r.conditions)));
        }
        if (r.emergencyContacts.isEmpty()) {
            signals.add(new RiskAssessment.Signal("NO_EMERGENCY_CONTACT", "registry", config.noEmergencyContact(),
                    "no one to call in an emergency"));
        }
        for (CareAlert alert : openAlerts) {
            boolean critical = "CRITICAL".equals(alert.level);
            signals.add(new RiskAssessment.Signal(critical ? "CRITICAL_ALERT_OPEN" : "ALERT_OPEN", "care-service",
                    critical ? config.criticalAlert() : config.openAlert(),
                    alert.kind + " alert " + alert.alertId + " open since " + alert.raisedAt));
        }
        for (CareScreening s : screenings) {
            int points = switch (s.band) {
                case "MILD" -> config.screeningMild();
                case "MODERATE" -> config.screeningModerate();
                case "MODERATELY_SEVERE", "SEVERE" -> config.screeningSevere();
                case "IMPAIRED" -> config.screeningImpaired();
                default -> 0;
            };
            if (points > 0) {
                signals.add(new RiskAssessment.Signal("SCREENING_" + s.band, "care-service", points,
                        s.instrument + " " + s.band + (s.followUp ? ", follow-up asked" : "") + " on "
                                + s.completedAt.atZoneSameInstant(SEOUL).toLocalDate()));
            }
        }
        for (CareOverdueVisit v : overdueVisits) {
            signals.add(new RiskAssessment.Signal("VISIT_OVERDUE", "care-service", config.overdueVisit(),
                    (v.origin == null ? "" : v.origin.toLowerCase() + " ") + "visit " + v.visitId + " due "
                            + (v.dueAt == null ? "earlier" : v.dueAt.atZoneSameInstant(SEOUL).toLocalDateTime()) + ", not done"));
        }
        int score = Math.min(100, signals.stream().mapToInt(RiskAssessment.Signal::points).sum());
        return new RiskAssessment(r.id, score, level(score), signals,
                new RiskAssessment.Thresholds(config.levelMedium(), config.levelHigh(), config.levelCritical()));
    }

    public RiskAssessment.Level level(int score) {
        return score >= config.levelCritical() ? RiskAssessment.Level.CRITICAL
                : score >= config.levelHigh() ? RiskAssessment.Level.HIGH
                : score >= config.levelMedium() ? RiskAssessment.Level.MEDIUM
                : RiskAssessment.Level.LOW;
    }
}
