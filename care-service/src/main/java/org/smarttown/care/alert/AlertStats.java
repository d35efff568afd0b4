package org.smarttown.care.alert;

import java.time.OffsetDateTime;
import java.util.List;

/** How fast alerts were handled, by level, for alerts raised in [from, to). */
public record AlertStats(OffsetDateTime from, OffsetDateTime to, List<ByLevel> levels) {

    public record ByLevel(AlertLevel level, long raised, long acknowledged, Double meanSecondsToAcknowledge,
            long closed, Double meanSecondsToClose, long falseAlarms, Double falseAlarmRate) {
    }
}
