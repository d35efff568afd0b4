package org.smarttown.resident.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The needs-analysis scoring model: each signal adds its points, the sum is capped at 100, and the
 * thresholds turn it into a level. Every weight can be tuned per deployment
 * ({@code SMARTTOWN_RISK_LIVING_ALONE=20}, ...); the defaults follow the 복지사각지대 발굴 practice of
 * weighting isolation and acute events above standing categories.
 */
@ConfigMapping(prefix = "smarttown.risk")
public interface RiskConfig {

    /** Aged 75 or more. */
    @WithDefault("10")
    int age75();

    /** Aged 85 or more (added to age-75). */
    @WithDefault("10")
    int age85();

    @WithDefault("15")
    int livingAlone();

    @WithDefault("10")
    int basicLivelihood();

    @WithDefault("10")
    int disabled();

    @WithDefault("10")
    int chronicIllness();

    /** No one to call in an emergency. */
    @WithDefault("15")
    int noEmergencyContact();

    /** Per open alert below CRITICAL. */
    @WithDefault("10")
    int openAlert();

    /** Per open CRITICAL alert. */
    @WithDefault("30")
    int criticalAlert();

    /** Latest screening band MILD. */
    @WithDefault("5")
    int screeningMild();

    /** Latest screening band MODERATE. */
    @WithDefault("15")
    int screeningModerate();

    /** Latest screening band MODERATELY_SEVERE or SEVERE. */
    @WithDefault("25")
    int screeningSevere();

    /** Latest cognitive screening IMPAIRED (under the cutoff for age and education). */
    @WithDefault("15")
    int screeningImpaired();

    /** Per care visit care-service reported overdue and not yet done. */
    @WithDefault("10")
    int overdueVisit();

    /** Score from which the level is MEDIUM. */
    @WithDefault("30")
    int levelMedium();

    /** Score from which the level is HIGH. */
    @WithDefault("50")
    int levelHigh();

    /** Score from which the level is CRITICAL. */
    @WithDefault("70")
    int levelCritical();

    /** A building with fewer residents in care is merged into its complex on the map (k-anonymity). */
    @WithDefault("5")
    int mapMinResidents();
}
