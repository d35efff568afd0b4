package org.smarttown.mentoring.booking;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.smarttown.commons.db.HqlLiterals;

/** Where a session stands; REQUESTED and CONFIRMED hold the mentor's time. */
public enum SessionStatus {
    REQUESTED, CONFIRMED, DECLINED, CANCELLED, COMPLETED, NO_SHOW_HOST, NO_SHOW_GUEST;

    public static final Set<SessionStatus> ACTIVE = EnumSet.of(REQUESTED, CONFIRMED);

    /** HQL: the active statuses as a literal list, for {@code status in ...}. */
    public static final String ACTIVE_LITERALS = HqlLiterals.of(ACTIVE);

    private static final Map<SessionStatus, Set<SessionStatus>> NEXT = Map.of(
            REQUESTED, EnumSet.of(CONFIRMED, DECLINED, CANCELLED),
            CONFIRMED, EnumSet.of(COMPLETED, CANCELLED, NO_SHOW_HOST, NO_SHOW_GUEST));

    public boolean canBecome(SessionStatus next) {
        return NEXT.getOrDefault(this, Set.of()).contains(next);
    }

    public boolean isActive() {
        return ACTIVE.contains(this);
    }
}
