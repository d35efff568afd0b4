package org.smarttown.care.alert;

import java.util.EnumSet;
import java.util.Set;

import org.smarttown.commons.db.HqlLiterals;

/** RAISED (or ESCALATED) → ACKNOWLEDGED → DISPATCHED → RESOLVED | FALSE_ALARM. */
public enum AlertStatus {
    RAISED, ESCALATED, ACKNOWLEDGED, DISPATCHED, RESOLVED, FALSE_ALARM;

    public static final Set<AlertStatus> OPEN = EnumSet.of(RAISED, ESCALATED, ACKNOWLEDGED, DISPATCHED);

    /** HQL: the open statuses as a literal list, for {@code status in ...}. */
    public static final String OPEN_LITERALS = HqlLiterals.of(OPEN);

    public boolean isOpen() {
        return OPEN.contains(this);
    }
}
