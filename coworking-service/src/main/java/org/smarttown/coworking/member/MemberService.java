package org.smarttown.coworking.member;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.smarttown.commons.outbox.Outbox;
import org.smarttown.commons.paging.Page;
import org.smarttown.commons.paging.PageRequest;
import org.smarttown.commons.problem.Conflict;
import org.smarttown.commons.problem.Invalid;
import org.smarttown.commons.problem.NotFound;
import org.smarttown.coworking.common.Caller;
import org.smarttown.coworking.common.RuleBroken;
import org.smarttown.coworking.config.CoworkingConfig;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** Applications, decisions and teams. */
@ApplicationScoped
public class MemberService {

    public static final String EVENTS = "coworking.events";

    private final CoworkingConfig config;
    private final Outbox outbox;

    public MemberService(CoworkingConfig config, Outbox outbox) {
        this.config = config;
        this.outbox = outbox;
    }

    LocalDate today() {
        return LocalDate.now(config.zone());
    }

    @WithTransaction
    public Uni<MemberView> apply(MemberApplication application, Caller caller) {
        int age = Period.between(application.birthDate(), today()).getYears();
        if (age < config.minAge() || age > config.maxAge()) {
            return Uni.createFrom().failure(new RuleBroken("age-out-of-range", "Not a youth founder",
                    "Youth founders are " + config.minAge() + " to " + config.maxAge() + " years old on the day they apply; "
                            + "with birth date " + application.birthDate() + " you are " + age + " today"));
        }
        return Member.<Member> find("username", caller.name()).firstResult()
                .chain(existing -> {
                    if (existing != null && existing.status != Member.Status.REJECTED) {
                        return Uni.createFrom().failure(new Conflict("already-applied",
                                "You already have a " + existing.status.name().toLowerCase() + " membership"));
                    }
                    return team(application.team()).chain(team -> {
                        Member member = existing != null ? existing : new Member();
                        if (existing == null) {
                            member.id = UUID.randomUUID();
                            member.username = caller.name();
                        }
                        member.name = application.name().trim();
                        member.birthDate = application.birthDate();
                        member.startupName = application.startupName().trim();
                        member.businessStage = application.businessStage();
                        member.teamId = team == null ? null : team.id;
                        member.status = Member.Status.PENDING;
                        member.decisionReason = null;
                        member.decidedBy = null;
                        member.decidedAt = null;
                        member.appliedAt = OffsetDateTime.now();
                        return member.<Member> persistAndFlush().map(saved -> MemberView.of(saved, team));
                    });
                });
    }

    /** Finds a team by name (case-insensitive) or opens it. */
    private Uni<Team> team(String name) {
        if (name == null || name.isBlank()) {
            return Uni.createFrom().nullItem();
        }
        String trimmed = name.trim();
        return Team.<Team> find("lower(name) = lower(?1)", trimmed).firstResult()
                .chain(found -> {
                    if (found != null) {
                        return Uni.createFrom().item(found);
                    }
                    Team team = new Team();
                    team.id = UUID.randomUUID();
                    team.name = trimmed;
                    team.createdAt = OffsetDateTime.now();
                    return team.persist();
                });
    }

    @WithSession
    public Uni<MemberView> mine(Caller caller) {
        return Member.<Member> find("username", caller.name()).firstResult()
                .onItem().ifNull().failWith(() -> new NotFound("Membership of", caller.name()))
                .chain(this::view);
    }

    @WithSession
    public Uni<MemberView> get(UUID id) {
        return Member.<Member> findById(id).onItem().ifNull().failWith(() -> new NotFound("Member", id))
                .chain(this::view);
    }

    @WithSession
    public Uni<Page<MemberView>> list(Member.Status status, UUID teamId, PageRequest page) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new java.util.HashMap<>();
        if (status != null) {
            where.append(" and status = :status");
            params.put("status", status);
        }
        if (teamId != null) {
            where.append(" and teamId = :team");
            params.put("team", teamId);
        }
        return Page.of(Member.<Member> find(where.toString(), Sort.by("appliedAt").and("id"), params), page,
                Function.identity())
                .chain(members -> teams(members.items()).map(teams -> new Page<>(
                        members.items().stream().map(m -> MemberView.of(m, m.teamId == null ? null : teams.get(m.teamId)))
                                .toList(),
                        members.page(), members.size(), members.totalItems(), members.totalPages())));
    }

    @WithTransaction
    public Uni<MemberView> approve(UUID id, Approval approval, Caller caller) {
        LocalDate from = approval.validFrom() != null ? approval.validFrom() : today();
        LocalDate until = approval.validUntil() != null ? approval.validUntil() : from.plus(config.defaultValidity());
        if (until.isBefore(from)) {
            return Uni.createFrom().failure(new Invalid("validUntil", "must not be before validFrom"));
        }
        if (until.isBefore(today())) {
            return Uni.createFrom().failure(new Invalid("validUntil", "must not be in the past"));
        }
        return pending(id).chain(member -> {
            member.status = Member.Status.APPROVED;
            member.cohort = approval.cohort().trim();
            member.validFrom = from;
            member.validUntil = until;
            member.decidedBy = caller.name();
            member.decidedAt = OffsetDateTime.now();
            member.decisionReason = null;
            return outbox.publish(EVENTS, MemberApproved.TYPE, MemberApproved.VERSION,
                    new MemberApproved(member.id, member.username, member.startupName, member.teamId, member.cohort,
                            member.validFrom, member.validUntil))
                    .chain(() -> view(member));
        });
    }

    @WithTransaction
    public Uni<MemberView> reject(UUID id, Rejection rejection, Caller caller) {
        return pending(id).chain(member -> {
            member.status = Member.Status.REJECTED;
            member.decisionReason = rejection.reason().trim();
            member.decidedBy = caller.name();
            member.decidedAt = OffsetDateTime.now();
            return view(member);
        });
    }

    private Uni<Member> pending(UUID id) {
        return Member.<Member> findById(id)
                .onItem().ifNull().failWith(() -> new NotFound("Member", id))
                .invoke(member -> {
                    if (member.status != Member.Status.PENDING) {
                        throw new Conflict("member-not-pending",
                                "Member " + id + " is already " + member.status.name().toLowerCase());
                    }
                });
    }

    private Uni<MemberView> view(Member member) {
        if (member.teamId == null) {
            return Uni.createFrom().item(MemberView.of(member, null));
        }
        return Team.<Team> findById(member.teamId).map(team -> MemberView.of(member, team));
    }

    private Uni<Map<UUID, Team>> teams(List<Member> members) {
        Set<UUID> ids = members.stream().map(m -> m.teamId).filter(Objects::nonNull).collect(Collectors.toCollection(HashSet::new));
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Team.<Team> list("id in ?1", ids).map(list -> list.stream().collect(Collectors.toMap(t -> t.id, t -> t)));
    }
}
