package org.smarttown.resident.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.smarttown.resident.config.RiskConfig;
import org.smarttown.resident.resident.Category;
import org.smarttown.resident.resident.Resident;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * The scoring model is configuration: the README's table gives each signal's default points and
 * key, and a deployment changes them with those keys (or their environment variables) alone.
 */
class RiskScoringConfigTest {

    private static RiskService scoring(Map<String, String> properties) {
        RiskConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 300))
                .withMapping(RiskConfig.class).build().getConfigMapping(RiskConfig.class);
        return new RiskService(config);
    }

    /** Aged 85+, living alone, basic livelihood, disabled, chronically ill, no one to call. */
    private static Resident everyRegistrySignal() {
        Resident r = new Resident();
        r.id = UUID.randomUUID();
        r.birthDate = LocalDate.now().minusYears(90);
        r.categories(List.of(Category.LIVING_ALONE, Category.BASIC_LIVELIHOOD, Category.DISABLED, Category.CHRONIC_ILLNESS));
        return r;
    }

    private static CareAlert alert(UUID residentId, String level) {
        CareAlert alert = new CareAlert();
        alert.alertId = UUID.randomUUID();
        alert.residentId = residentId;
        alert.kind = "SOS";
        alert.level = level;
        alert.raisedAt = OffsetDateTime.now();
        return alert;
    }

    private static CareScreening screening(UUID residentId, String instrument, String band) {
        CareScreening s = new CareScreening();
        s.residentId = residentId;
        s.instrument = instrument;
        s.band = band;
        s.completedAt = OffsetDateTime.now();
        return s;
    }

    private static CareOverdueVisit overdueVisit(UUID residentId) {
        CareOverdueVisit v = new CareOverdueVisit();
        v.visitId = UUID.randomUUID();
        v.residentId = residentId;
        v.dueAt = OffsetDateTime.now();
        return v;
    }

    private static Map<String, Integer> points(RiskAssessment assessment) {
        return assessment.signals().stream().collect(java.util.stream.Collectors.toMap(RiskAssessment.Signal::signal,
                RiskAssessment.Signal::points, Integer::sum));
    }

    @Test
    void everySignalScoresTheDefaultPointsTheReadmeDocuments() {
        Resident r = everyRegistrySignal();
        RiskAssessment a = scoring(Map.of()).assess(r, List.of(alert(r.id, "HIGH"), alert(r.id, "CRITICAL")),
                List.of(screening(r.id, "GAD-7", "MILD"), screening(r.id, "GDS-15", "MODERATE"),
                        screening(r.id, "PHQ-9", "MODERATELY_SEVERE"), screening(r.id, "COGNITIVE", "IMPAIRED")),
                List.of(overdueVisit(r.id)));

        assertEquals(Map.ofEntries(Map.entry("AGE_75_PLUS", 10), Map.entry("AGE_85_PLUS", 10),
                Map.entry("LIVING_ALONE", 15), Map.entry("BASIC_LIVELIHOOD", 10), Map.entry("DISABLED", 10),
                Map.entry("CHRONIC_ILLNESS", 10), Map.entry("NO_EMERGENCY_CONTACT", 15), Map.entry("ALERT_OPEN", 10),
                Map.entry("CRITICAL_ALERT_OPEN", 30), Map.entry("SCREENING_MILD", 5), Map.entry("SCREENING_MODERATE", 15),
                Map.entry("SCREENING_MODERATELY_SEVERE", 25), Map.entry("SCREENING_IMPAIRED", 15),
                Map.entry("VISIT_OVERDUE", 10)), points(a));
        assertEquals(100, a.score(), "the sum is capped at 100");
        assertEquals(new RiskAssessment.Thresholds(30, 50, 70), a.thresholds());
        RiskService defaults = scoring(Map.of());
        assertEquals(RiskAssessment.Level.LOW, defaults.level(29));
        assertEquals(RiskAssessment.Level.MEDIUM, defaults.level(30));
        assertEquals(RiskAssessment.Level.HIGH, defaults.level(50));
        assertEquals(RiskAssessment.Level.CRITICAL, defaults.level(70));
    }

    @Test
    void theDocumentedKeysChangeThePointsAndThresholds() {
        Resident r = new Resident();
        r.id = UUID.randomUUID();
        r.birthDate = LocalDate.now().minusYears(60);
        r.categories(List.of(Category.LIVING_ALONE));
        RiskService tuned = scoring(Map.of("smarttown.risk.living-alone", "20", "smarttown.risk.no-emergency-contact", "5",
                "smarttown.risk.overdue-visit", "12", "smarttown.risk.level-medium", "20", "smarttown.risk.level-high", "37"));

        RiskAssessment a = tuned.assess(r, List.of(), List.of(), List.of(overdueVisit(r.id)));
        assertEquals(Map.of("LIVING_ALONE", 20, "NO_EMERGENCY_CONTACT", 5, "VISIT_OVERDUE", 12), points(a));
        assertEquals(37, a.score());
        assertEquals(RiskAssessment.Level.HIGH, a.level(), "37 reaches the tuned HIGH threshold");

        // As Kubernetes sets them: SMARTTOWN_RISK_<KEY>.
        RiskConfig fromEnvironment = new SmallRyeConfigBuilder()
                .withSources(new EnvConfigSource(Map.of("SMARTTOWN_RISK_CRITICAL_ALERT", "40"), 300) {
                })
                .withMapping(RiskConfig.class).build().getConfigMapping(RiskConfig.class);
        RiskAssessment critical = new RiskService(fromEnvironment).assess(r, List.of(alert(r.id, "CRITICAL")), List.of(),
                List.of());
        assertEquals(40, points(critical).get("CRITICAL_ALERT_OPEN"));
    }
}
