package org.smarttown.care.alert;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** RAISED (or ESCALATED) → ACKNOWLEDGED → DISPATCHED → RESOLVED | FALSE_ALARM. */
public enum AlertStatus {
    RAISED, ESCALATED, ACKNOWLEDGED, DISPATCHED, RESOLVED, FALSE_ALARM;

    public static final Set<AlertStatus> OPEN = EnumSet.of(RAISED, ESCALATED, ACKNOWLEDGED, DISPATCHED);

    /** HQL: the open statuses as a literal list, for {@code status in ...} (see org.smarttown.commons.db). */
    public static final String OPEN_LITERALS = OPEN.stream().map(Enum::name).collect(Collectors.joining(", ", "(", ")"));

    public boolean isOpen() {
        return OPEN.contains(this);
    }
}
