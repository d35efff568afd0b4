package org.smarttown.care.alert;

import java.util.EnumSet;
import java.util.Set;

/** RAISED (or ESCALATED) → ACKNOWLEDGED → DISPATCHED → RESOLVED | FALSE_ALARM. */
public enum AlertStatus {
    RAISED, ESCALATED, ACKNOWLEDGED, DISPATCHED, RESOLVED, FALSE_ALARM;

    public static final Set<AlertStatus> OPEN = EnumSet.of(RAISED, ESCALATED, ACKNOWLEDGED, DISPATCHED);

    public boolean isOpen() {
        return OPEN.contains(this);
    }
}
