package org.smarttown.coworking.member;

import java.time.LocalDate;
import java.util.UUID;

/** Event data: a founder may now book (published to coworking.events). No birth date: not needed downstream. */
public record MemberApproved(UUID memberId, String username, String startupName, UUID teamId, String cohort,
        LocalDate validFrom, LocalDate validUntil) {

    public static final String TYPE = "MemberApproved";
    public static final int VERSION = 1;
}
