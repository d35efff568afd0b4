package org.smarttown.coworking.member;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A membership as clients see it. */
public record MemberView(UUID id, String username, String name, LocalDate birthDate, String startupName,
        Member.BusinessStage businessStage, UUID teamId, String teamName, Member.Status status, String decisionReason,
        String cohort, LocalDate validFrom, LocalDate validUntil, OffsetDateTime appliedAt, OffsetDateTime decidedAt) {

    public static MemberView of(Member m, Team team) {
        return new MemberView(m.id, m.username, m.name, m.birthDate, m.startupName, m.businessStage,
                m.teamId, team == null ? null : team.name, m.status, m.decisionReason, m.cohort, m.validFrom,
                m.validUntil, m.appliedAt, m.decidedAt);
    }
}
