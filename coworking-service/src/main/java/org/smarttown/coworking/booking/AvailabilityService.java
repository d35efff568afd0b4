package org.smarttown.coworking.booking;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.smarttown.commons.paging.Page;
import org.smarttown.commons.paging.PageRequest;
import org.smarttown.commons.problem.ProblemException;
import org.smarttown.coworking.common.Caller;
import org.smarttown.coworking.common.Codes;
import org.smarttown.coworking.common.RuleBroken;
import org.smarttown.coworking.member.Member;
import org.smarttown.coworking.space.BookingPolicy;
import org.smarttown.coworking.space.Space;
import org.smarttown.coworking.space.SpaceType;
import org.smarttown.coworking.space.SpaceView;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** Which spaces a founder could book for a range, and for the others why not: the booking rules, explained. */
@ApplicationScoped
public class AvailabilityService {

    private final BookingService bookings;

    public AvailabilityService(BookingService bookings) {
        this.bookings = bookings;
    }

    @WithSession
    public Uni<Page<Availability>> find(OffsetDateTime from, OffsetDateTime to, SpaceType type, Integer capacity,
            List<String> equipment, Caller caller, PageRequest page) {
        OffsetDateTime now = OffsetDateTime.now();
        BookingRules.checkShape(from, to, now);
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (type != null) {
            where.append(" and type = :type");
            params.put("type", type);
        }
        if (capacity != null) {
            where.append(" and capacity >= :capacity");
            params.put("capacity", capacity);
        }
        List<String> wanted = Codes.decode(Codes.encode(equipment));
        for (int i = 0; i < wanted.size(); i++) {
            where.append(" and equipment like :eq").append(i);
            params.put("eq" + i, "%," + wanted.get(i) + ",%");
        }
        LocalDate day = from.atZoneSameInstant(bookings.zone()).toLocalDate();
        return BookingPolicy.<BookingPolicy> listAll().chain(policies -> Member.<Member> find("username", caller.name())
                .firstResult()
                .chain(member -> Page.of(Space.<Space> find(where.toString(), Sort.by("code"), params), page, Function.identity())
                        .chain(spaces -> each(spaces.items(), 0, new ArrayList<>(), space -> explain(space,
                                policies.stream().filter(p -> p.spaceType == space.type).findFirst().orElseThrow(),
                                caller.manager() ? null : member, caller.manager(), day, from, to, now))
                                .map(items -> new Page<>(items, spaces.page(), spaces.size(), spaces.totalItems(),
                                        spaces.totalPages())))));
    }

    /** One space after the other: a reactive session runs one query at a time. */
    private Uni<List<Availability>> each(List<Space> spaces, int index, List<Availability> done,
            Function<Space, Uni<Availability>> explain) {
        if (index >= spaces.size()) {
            return Uni.createFrom().item(done);
        }
        return explain.apply(spaces.get(index)).chain(item -> {
            done.add(item);
            return each(spaces, index + 1, done, explain);
        });
    }

    private Uni<Availability> explain(Space space, BookingPolicy policy, Member member, boolean manager, LocalDate day,
            OffsetDateTime from, OffsetDateTime to, OffsetDateTime now) {
        List<Availability.Reason> reasons = new ArrayList<>();
        try {
            BookingRules.checkSlots(space, policy, from, to, bookings.zone());
        } catch (ProblemException e) {
            reasons.add(new Availability.Reason("slot-boundary", e.getMessage()));
        }
        if (!manager) {
            try {
                BookingService.requireMember(member, day);
            } catch (ProblemException e) {
                reasons.add(new Availability.Reason("membership-required", e.getMessage()));
                member = null;
            }
        }
        Member who = member;
        return bookings.overlapping(space.id, from, to)
                .chain(booked -> {
                    if (booked > 0) {
                        reasons.add(new Availability.Reason("slot-taken", space.code + " is booked for part of that time"));
                    }
                    return bookings.facts(space, policy, who, from, now);
                })
                .map(facts -> {
                    for (RuleBroken rule : BookingRules.broken(facts, from, to)) {
                        reasons.add(new Availability.Reason(rule.slug(), rule.getMessage()));
                    }
                    return new Availability(SpaceView.of(space), reasons.isEmpty(), reasons);
                });
    }
}
