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

        /** Learning each resident's own active hours and quiet period from their activity history. */
        Learning learning();
    }

    interface Learning {
        /** How far back activity (ACTIVITY or STEPS above 0, any DOOR reading) is read, in whole days. */
        @WithDefault("P28D")
        Duration window();

        /** Days with any activity needed in that window before a learned rhythm replaces the default. */
        @WithDefault("14")
        int minDays();

        /** An hour (Asia/Seoul) counts as active when the resident moved in it on at least this share of those days. */
        @WithDefault("0.5")
        double activeHourShare();

        /** The quiet period is this percentile of the longest silence of each day's active hours. */
        @WithDefault("0.9")
        double quietPercentile();

        /** Bounds on a learned quiet period, in minutes: a very busy resident still gets an hour... */
        @WithDefault("60")
        int minQuietMinutes();

        /** ... and a very still one is not left alone for more than this. */
        @WithDefault("720")
        int maxQuietMinutes();

        /** A profile's rhythm is learned again this long after the learner last looked at it. */
        @WithDefault("P1D")
        Duration every();

        /** How often the learner looks for profiles due (only where care.detection.scan-enabled). */
        @WithDefault("PT1H")
        Duration checkInterval();
    }

    interface Detection {
        /** How far back a resident's own vital-sign history is read to learn their baseline. */
        @WithDefault("P14D")
        Duration baselineWindow();

        /** Readings of one type needed before the personal baseline replaces the clinical limits. */
        @WithDefault("200")
        int baselineMinSamples();

        /**
         * How old a stored baseline may grow before the refresh job computes it again (a batch
         * computes it itself only when it is missing, still short of samples, or twice this old).
         */
        @WithDefault("PT1H")
        Duration baselineRefresh();

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
