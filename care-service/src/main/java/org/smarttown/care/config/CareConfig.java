package org.smarttown.care.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** care-service's own settings; every key has a default fit for a developer's machine. */
@ConfigMapping(prefix = "care")
public interface CareConfig {

    Profile profile();

    Detection detection();

    Alerts alerts();

    Screening screening();

    Visits visits();

    interface Profile {
        /** Start of the expected active hours (HH:mm, Asia/Seoul) for residents without their own. */
        @WithDefault("07:00")
        String activeFrom();

        /** End of the expected active hours (HH:mm); equal to the start means all day. */
        @WithDefault("22:00")
        String activeTo();

        /** How long without activity during active hours is still normal, in minutes. */
        @WithDefault("240")
        int quietPeriodMinutes();
    }

    interface Detection {
        /** How far back a resident's own vital-sign history is read to learn their baseline. */
        @WithDefault("P14D")
        Duration baselineWindow();

        /** Readings of one type needed before the personal baseline replaces the clinical limits. */
        @WithDefault("200")
        int baselineMinSamples();

        /** Out-of-bounds readings over this long make a vital-sign alert CRITICAL. */
        @WithDefault("PT5M")
        Duration sustained();

        /** ... with at least this many readings in that window, all out of bounds. */
        @WithDefault("3")
        int sustainedMinReadings();

        /** Steps within this window before a heart-rate reading mean the resident was not at rest. */
        @WithDefault("PT10M")
        Duration restWindow();

        /** Battery percentage under which a device raises a TECHNICAL alert. */
        @WithDefault("15")
        int batteryLowPercent();

        /** How often inactivity, silent devices and escalation deadlines are scanned. */
        @WithDefault("PT15S")
        Duration scanInterval();

        /** Whether this instance runs the scans (off for a read-only replica). */
        @WithDefault("true")
        boolean scanEnabled();
    }

    interface Alerts {
        /** A CRITICAL alert not acknowledged within this long is escalated. */
        @WithDefault("PT2M")
        Duration escalateAfter();
    }

    interface Screening {
        /** A directory of extra instrument files (*.json): a deployment's own versions or cutoff tables. */
        Optional<String> instrumentDir();
    }

    interface Visits {
        /** A screening that asks for follow-up plans a visit due within this long. */
        @WithDefault("P7D")
        Duration followUpWithin();

        /** ... or within this long when a critical item (PHQ-9 item 9) was answered above 0. */
        @WithDefault("P1D")
        Duration urgentWithin();

        /** An alert dispatched as a VISIT plans a visit due within this long. */
        @WithDefault("PT4H")
        Duration alertVisitWithin();
    }
}
