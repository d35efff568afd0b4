package org.smarttown.resident.household;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.smarttown.commons.paging.Page;
import org.smarttown.commons.paging.PageRequest;
import org.smarttown.commons.problem.Conflict;
import org.smarttown.commons.problem.Invalid;
import org.smarttown.commons.problem.NotFound;
import org.smarttown.resident.access.AccessLog;
import org.smarttown.resident.common.Caller;
import org.smarttown.resident.resident.Resident;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/**
 * Households and effective-dated membership. Rules: a resident belongs to one household at a time
 * (periods may not overlap); a household has at most one head and one primary recipient at a time.
 */
@ApplicationScoped
public class HouseholdService {

    /** Dates are those of the district office. */
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    private final AccessLog accessLog;

    public HouseholdService(AccessLog accessLog) {
        this.accessLog = accessLog;
    }

    @WithTransaction
    public Uni<HouseholdView> create(HouseholdRequests.Create request, Caller caller) {
        Household household = new Household();
        household.id = UUID.randomUUID();
        household.name = request.name() == null || request.name().isBlank() ? null : request.name().strip();
        household.createdAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        household.createdBy = caller.name();
        Uni<?> chain = household.persist();
        for (HouseholdRequests.Join join : request.members() == null ? List.<HouseholdRequests.Join> of() : request.members()) {
            chain = chain.chain(() -> add(household.id, join, caller));
        }
        return chain.chain(() -> view(household));
    }

    @WithTransaction
    public Uni<HouseholdView> get(UUID id, Caller caller) {
        return find(id).call(h -> accessLog.record(caller, AccessLog.READ, null, "household " + id)).chain(this::view);
    }

    @WithTransaction
    public Uni<HouseholdView> join(UUID id, HouseholdRequests.Join join, Caller caller) {
        return find(id).call(h -> add(id, join, caller)).chain(this::view);
    }

    @WithTransaction
    public Uni<HouseholdView> leave(UUID id, UUID residentId, HouseholdRequests.Leave leave, Caller caller) {
        LocalDate to = leave == null || leave.to() == null ? LocalDate.now(SEOUL) : leave.to();
        return find(id).call(h -> HouseholdMember.<HouseholdMember> find("householdId = ?1 and residentId = ?2 and validTo is null",
                id, residentId).firstResult()
                .onItem().ifNull().failWith(() -> new NotFound("Current membership of resident " + residentId + " in household", id))
                .invoke(member -> {
                    if (!to.isAfter(member.validFrom)) {
                        throw new Invalid("to", "must be after the membership's start " + member.validFrom);
                    }
                    member.validTo = to;
                })
                .call(member -> accessLog.record(caller, AccessLog.HOUSEHOLD, residentId, "left household " + id + " on " + to)))
                .chain(this::view);
    }

    private Uni<Void> add(UUID householdId, HouseholdRequests.Join join, Caller caller) {
        LocalDate from = join.from() == null ? LocalDate.now(SEOUL) : join.from();
        return Resident.<Resident> findById(join.residentId())
                .onItem().ifNull().failWith(() -> new Invalid("residentId", "resident " + join.residentId() + " does not exist"))
                .chain(resident -> HouseholdMember.<HouseholdMember> list("residentId = ?1 or householdId = ?2",
                        join.residentId(), householdId))
                .chain(memberships -> {
                    for (HouseholdMember m : memberships) {
                        if (!m.overlaps(from, null)) {
                            continue;
                        }
                        if (m.residentId.equals(join.residentId())) {
                            throw new Conflict("household-membership-overlaps", "Resident " + join.residentId()
                                    + " already belongs to household " + m.householdId + " from " + m.validFrom);
                        }
                        if (join.head() && m.head) {
                            throw new Conflict("household-has-head", "Household " + householdId + " already has a head");
                        }
                        if (join.primaryRecipient() && m.primaryRecipient) {
                            throw new Conflict("household-has-primary-recipient",
                                    "Household " + householdId + " already has a primary recipient");
                        }
                    }
                    HouseholdMember member = new HouseholdMember();
                    member.id = UUID.randomUUID();
                    member.householdId = householdId;
                    member.residentId = join.residentId();
                    member.head = join.head();
                    member.primaryRecipient = join.primaryRecipient();
                    member.validFrom = from;
                    return member.persist()
                            .call(() -> accessLog.record(caller, AccessLog.HOUSEHOLD, join.residentId(),
                                    "joined household " + householdId + " from " + from))
                            .replaceWithVoid();
                });
    }

    /**
     * Households, by name (unnamed last) then creation; with {@code dong}/{@code complex}, only those
     * with a current member living there. Each with all its memberships, as {@link #get} shows
     * them. A list shows residents' names, so it is logged as a search.
     */
    @WithTransaction
    public Uni<Page<HouseholdView>> list(String dong, String complex, PageRequest page, Caller caller) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (dong != null && !dong.isBlank() || complex != null && !complex.isBlank()) {
            StringBuilder living = new StringBuilder("select m.householdId from HouseholdMember m, Resident r "
                    + "where m.residentId = r.id and m.validFrom <= :today and (m.validTo is null or m.validTo > :today)");
            params.put("today", LocalDate.now(SEOUL));
            if (dong != null && !dong.isBlank()) {
                living.append(" and r.dong = :dong");
                params.put("dong", dong.strip());
            }
            if (complex != null && !complex.isBlank()) {
                living.append(" and r.complex = :complex");
                params.put("complex", complex.strip());
            }
            where.append(" and id in (").append(living).append(")");
        }
        Sort sort = Sort.by("name", Sort.Direction.Ascending, Sort.NullPrecedence.NULLS_LAST).and("createdAt").and("id");
        String filters = "households dong=" + blankToNull(dong) + " complex=" + blankToNull(complex) + " page=" + page.page;
        return accessLog.record(caller, AccessLog.SEARCH, null, filters)
                .chain(() -> Page.of(Household.<Household> find(where.toString(), sort, params), page, h -> h))
                .chain(households -> views(households.items()).map(views -> new Page<>(views, households.page(),
                        households.size(), households.totalItems(), households.totalPages())));
    }

    /** The views of several households with two queries, whatever their number. */
    private Uni<List<HouseholdView>> views(List<Household> households) {
        if (households.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<UUID> ids = households.stream().map(h -> h.id).toList();
        return HouseholdMember.<HouseholdMember> list("householdId in ?1 order by validFrom, id", ids)
                .chain(members -> names(members).map(names -> households.stream()
                        .map(h -> view(h, members.stream().filter(m -> m.householdId.equals(h.id)).toList(), names))
                        .toList()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Uni<Household> find(UUID id) {
        return Household.<Household> findById(id).onItem().ifNull().failWith(() -> new NotFound("Household", id));
    }

    private Uni<HouseholdView> view(Household household) {
        return HouseholdMember.<HouseholdMember> list("householdId = ?1 order by validFrom, id", household.id)
                .chain(members -> names(members).map(names -> view(household, members, names)));
    }

    private static Uni<Map<UUID, String>> names(List<HouseholdMember> members) {
        List<UUID> ids = members.stream().map(m -> m.residentId).distinct().toList();
        Uni<List<Resident>> residents = ids.isEmpty() ? Uni.createFrom().item(List.of())
                : Resident.<Resident> list("id in ?1", ids);
        return residents.map(list -> {
            Map<UUID, String> names = new HashMap<>();
            list.forEach(r -> names.put(r.id, r.name));
            return names;
        });
    }

    private static HouseholdView view(Household household, List<HouseholdMember> members, Map<UUID, String> names) {
        LocalDate today = LocalDate.now(SEOUL);
        return new HouseholdView(household.id, household.name, household.createdAt, household.createdBy,
                members.stream().map(m -> new HouseholdView.Member(m.residentId, names.get(m.residentId),
                        m.head, m.primaryRecipient, m.validFrom, m.validTo,
                        !m.validFrom.isAfter(today) && (m.validTo == null || today.isBefore(m.validTo))))
                        .toList());
    }
}
