package org.smarttown.mentoring.booking;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Where a session stands; REQUESTED and CONFIRMED hold the mentor's time. */
public enum SessionStatus {
    REQUESTED, CONFIRMED, DECLINED, CANCELLED, COMPLETED, NO_SHOW_HOST, NO_SHOW_GUEST;

    public static final Set<SessionStatus> ACTIVE = EnumSet.of(REQUESTED, CONFIRMED);

    /**
     * HQL: the active statuses as a literal list, for {@code status in ...}. Hibernate translates a
     * query with a list parameter again at every run (see org.smarttown.commons.db).
     */
    public static final String ACTIVE_LITERALS = ACTIVE.stream().map(Enum::name).collect(Collectors.joining(", ", "(", ")"));

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
