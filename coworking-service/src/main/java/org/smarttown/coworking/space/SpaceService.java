package org.smarttown.coworking.space;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.smarttown.commons.paging.Page;
import org.smarttown.commons.paging.PageRequest;
import org.smarttown.commons.problem.Conflict;
import org.smarttown.commons.problem.Invalid;
import org.smarttown.commons.problem.NotFound;
import org.smarttown.coworking.common.Caller;
import org.smarttown.coworking.common.Codes;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** Spaces, their closures, the floor plans and the booking policies. */
@ApplicationScoped
public class SpaceService {

    static final LocalTime DEFAULT_OPENS = LocalTime.of(8, 0);
    static final LocalTime DEFAULT_CLOSES = LocalTime.of(22, 0);

    @WithTransaction
    public Uni<Space> create(SpaceRequest request) {
        LocalTime opens = request.opensAt() != null ? request.opensAt() : DEFAULT_OPENS;
        LocalTime closes = request.closesAt() != null ? request.closesAt() : DEFAULT_CLOSES;
        if (!closes.isAfter(opens)) {
            return Uni.createFrom().failure(new Invalid("closesAt", "must be after opensAt"));
        }
        if (opens.getMinute() % 30 != 0 || closes.getMinute() % 30 != 0 || opens.getSecond() != 0 || closes.getSecond() != 0) {
            return Uni.createFrom().failure(new Invalid("opensAt", "opening hours must be on the half hour"));
        }
        return Space.count("code", request.code()).chain(count -> {
            if (count > 0) {
                return Uni.createFrom().failure(new Conflict("space-code-taken", "A space with code " + request.code() + " exists"));
            }
            Space space = new Space();
            space.id = UUID.randomUUID();
            space.code = request.code();
            space.type = request.type();
            space.name = request.name().trim();
            space.capacity = request.capacity();
            space.equipment = Codes.encode(request.equipment());
            space.floor = request.floor() != null ? request.floor() : 1;
            space.x = request.x();
            space.y = request.y();
            space.opensAt = opens;
            space.closesAt = closes;
            space.closedWeekdays = request.closedWeekdays() == null ? ","
                    : Codes.encode(request.closedWeekdays().stream().map(Enum::name).toList());
            space.createdAt = OffsetDateTime.now();
            return space.persist();
        });
    }

    @WithSession
    public Uni<Space> get(UUID id) {
        return Space.<Space> findById(id).onItem().ifNull().failWith(() -> new NotFound("Space", id));
    }

    @WithSession
    public Uni<Page<SpaceView>> list(SpaceType type, Integer floor, PageRequest page) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (type != null) {
            where.append(" and type = :type");
            params.put("type", type);
        }
        if (floor != null) {
            where.append(" and floor = :floor");
            params.put("floor", floor);
        }
        return Page.of(Space.<Space> find(where.toString(), Sort.by("code"), params), page, SpaceView::of);
    }

    @WithTransaction
    public Uni<SpaceClosure> close(UUID spaceId, ClosureRequest request) {
        return get(spaceId).chain(space -> SpaceClosure.<SpaceClosure> find("spaceId = ?1 and day = ?2", spaceId, request.day())
                .firstResult()
                .chain(existing -> {
                    SpaceClosure closure = existing != null ? existing : new SpaceClosure();
                    closure.spaceId = spaceId;
                    closure.day = request.day();
                    closure.reason = request.reason().trim();
                    return existing != null ? Uni.createFrom().item(closure) : closure.persist();
                }));
    }

    @WithSession
    public Uni<List<SpaceClosure>> closures(UUID spaceId, LocalDate from) {
        return get(spaceId).chain(space -> SpaceClosure.list("spaceId = ?1 and day >= ?2", Sort.by("day"), spaceId, from));
    }

    @WithSession
    public Uni<String> floorPlan(int floor) {
        return Space.<Space> list("floor", Sort.by("code"), floor).map(spaces -> {
            if (spaces.isEmpty()) {
                throw new NotFound("Floor", floor);
            }
            return FloorPlan.svg(floor, spaces);
        });
    }

    @WithSession
    public Uni<List<PolicyView>> policies() {
        return BookingPolicy.<BookingPolicy> listAll(Sort.by("spaceType")).map(list -> list.stream().map(PolicyView::of).toList());
    }

    @WithSession
    public Uni<BookingPolicy> policy(SpaceType type) {
        return BookingPolicy.<BookingPolicy> findById(type).onItem().ifNull().failWith(() -> new NotFound("Policy", type));
    }

    @WithTransaction
    public Uni<PolicyView> updatePolicy(SpaceType type, PolicyView update, Caller caller) {
        if (update.maxMinutes() < update.minMinutes()) {
            return Uni.createFrom().failure(new Invalid("maxMinutes", "must not be below minMinutes"));
        }
        if (update.minMinutes() % update.slotMinutes() != 0 || update.maxMinutes() % update.slotMinutes() != 0) {
            return Uni.createFrom().failure(new Invalid("slotMinutes", "minMinutes and maxMinutes must be whole slots"));
        }
        return policy(type).map(policy -> {
            policy.wholeDay = update.wholeDay();
            policy.slotMinutes = update.slotMinutes();
            policy.minMinutes = update.minMinutes();
            policy.maxMinutes = update.maxMinutes();
            policy.maxDaysAhead = update.maxDaysAhead();
            policy.minLeadMinutes = update.minLeadMinutes();
            policy.maxActiveBookings = update.maxActiveBookings();
            policy.weeklyHoursPerFounder = update.weeklyHoursPerFounder();
            policy.weeklyHoursPerTeam = update.weeklyHoursPerTeam();
            policy.updatedBy = caller.name();
            policy.updatedAt = OffsetDateTime.now();
            return PolicyView.of(policy);
        });
    }

    static Function<Space, SpaceView> view() {
        return SpaceView::of;
    }
}
