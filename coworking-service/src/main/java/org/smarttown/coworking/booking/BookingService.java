package org.smarttown.coworking.booking;

import java.security.SecureRandom;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.smarttown.commons.db.Constraints;
import org.smarttown.commons.db.TransactionLocks;
import org.smarttown.commons.outbox.Outbox;
import org.smarttown.commons.paging.Page;
import org.smarttown.commons.paging.PageRequest;
import org.smarttown.commons.problem.Conflict;
import org.smarttown.commons.problem.Invalid;
import org.smarttown.commons.problem.NotFound;
import org.smarttown.coworking.common.Caller;
import org.smarttown.coworking.common.NotAMember;
import org.smarttown.coworking.common.RuleBroken;
import org.smarttown.coworking.config.CoworkingConfig;
import org.smarttown.coworking.member.Member;
import org.smarttown.coworking.space.BookingPolicy;
import org.smarttown.coworking.space.Space;
import org.smarttown.coworking.space.SpaceClosure;
import org.smarttown.coworking.waitlist.WaitlistService;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** Booking, reading and cancelling, with the policy rules and the database's no-overlap guarantee. */
@ApplicationScoped
public class BookingService {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** First key of the advisory locks taken per space while inserting a booking ("SP"). */
    private static final int SPACE_LOCK_SPACE = 0x5350;

    private final CoworkingConfig config;
    private final Outbox outbox;
    private final WaitlistService waitlist;

    public BookingService(CoworkingConfig config, Outbox outbox, WaitlistService waitlist) {
        this.config = config;
        this.outbox = outbox;
        this.waitlist = waitlist;
    }

    public ZoneId zone() {
        return config.zone();
    }

    /**
     * Books a space for the caller. The member row is locked first so that one founder's parallel
     * requests are counted against their quotas one after the other; the exclusion constraint
     * settles parallel requests of different founders for the same space.
     */
    public Uni<BookingView> book(BookingRequest request, Caller caller) {
        OffsetDateTime now = OffsetDateTime.now();
        BookingRules.checkShape(request.start(), request.end(), now);
        return Panache.withTransaction(() -> space(request.spaceId())
                .chain(space -> BookingPolicy.<BookingPolicy> findById(space.type).chain(policy -> {
                    BookingRules.checkSlots(space, policy, request.start(), request.end(), zone());
                    return lockedMember(caller, request.start())
                            .chain(member -> facts(space, policy, member, request.start(), now))
                            .chain(facts -> {
                                List<RuleBroken> broken = BookingRules.broken(facts, request.start(), request.end());
                                if (!broken.isEmpty()) {
                                    return Uni.createFrom().failure(broken.get(0));
                                }
                                return insert(space, facts.member(), request.start(), request.end(), now)
                                        .map(booking -> BookingView.of(booking, space, zone()));
                            });
                })))
                .onFailure(BookingService::isOverlap).transform(e -> taken());
    }

    public void checkShape(BookingRequest request, OffsetDateTime now) {
        BookingRules.checkShape(request.start(), request.end(), now);
    }

    public void checkSlots(Space space, BookingPolicy policy, BookingRequest request) {
        BookingRules.checkSlots(space, policy, request.start(), request.end(), zone());
    }

    public List<RuleBroken> broken(BookingRules.Facts facts, BookingRequest request) {
        return BookingRules.broken(facts, request.start(), request.end());
    }

    /**
     * How many active bookings of the space overlap the range. The statuses are literals: Hibernate
     * translates a query with a list parameter again at every run (see {@link org.smarttown.commons.db}).
     */
    public Uni<Long> overlapping(UUID spaceId, OffsetDateTime from, OffsetDateTime to) {
        return Booking.count("spaceId = ?1 and status in " + Booking.ACTIVE_LITERALS + " and startAt < ?3 and endAt > ?2",
                spaceId, from, to);
    }

    /**
     * Books a weekly series: each occurrence is checked on its own (against the rules and the
     * occurrences booked before it) and the answer lists what was refused and why. Free-slot checks
     * run before each insert so that one taken occurrence does not abort the others; a race lost
     * to another founder at that moment refuses the whole series with 409 (nothing half-stored).
     */
    public Uni<RecurringResult> bookSeries(RecurringRequest request, Caller caller) {
        OffsetDateTime now = OffsetDateTime.now();
        BookingRules.checkShape(request.start(), request.end(), now);
        List<java.time.ZonedDateTime> starts = Recurrence.starts(request.rrule(), request.start(), zone(),
                config.maxRecurrenceWeeks());
        java.time.Duration length = java.time.Duration.between(request.start(), request.end());
        return Panache.withTransaction(() -> space(request.spaceId())
                .chain(space -> BookingPolicy.<BookingPolicy> findById(space.type).chain(policy -> {
                    BookingRules.checkSlots(space, policy, request.start(), request.end(), zone());
                    return lockedMember(caller, request.start())
                            .chain(member -> occurrences(space, policy, member, starts, 0, length, now,
                                    new java.util.ArrayList<>(), new java.util.ArrayList<>()));
                })))
                .onFailure(BookingService::isOverlap).transform(e -> taken());
    }

    private Uni<RecurringResult> occurrences(Space space, BookingPolicy policy, Member member,
            List<java.time.ZonedDateTime> starts, int index, java.time.Duration length, OffsetDateTime now,
            List<BookingView> booked, List<RecurringResult.Refused> refused) {
        if (index >= starts.size()) {
            return Uni.createFrom().item(new RecurringResult(booked, refused));
        }
        OffsetDateTime start = starts.get(index).toOffsetDateTime();
        OffsetDateTime end = start.plus(length);
        Uni<Void> next;
        if (!member.mayBookOn(start.toLocalDate())) {
            refused.add(new RecurringResult.Refused(start, end, "membership-required",
                    "Your membership is valid until " + member.validUntil));
            next = Uni.createFrom().voidItem();
        } else {
            next = overlapping(space.id, start, end).chain(taken -> {
                if (taken > 0) {
                    refused.add(new RecurringResult.Refused(start, end, "slot-taken", taken().getMessage()));
                    return Uni.createFrom().voidItem();
                }
                return facts(space, policy, member, start, now).chain(facts -> {
                    List<RuleBroken> broken = BookingRules.broken(facts, start, end);
                    if (!broken.isEmpty()) {
                        refused.add(new RecurringResult.Refused(start, end, broken.get(0).slug(), broken.get(0).getMessage()));
                        return Uni.createFrom().voidItem();
                    }
                    return insert(space, member, start, end, now)
                            .invoke(booking -> booked.add(BookingView.of(booking, space, zone()))).replaceWithVoid();
                });
            });
        }
        return next.chain(() -> occurrences(space, policy, member, starts, index + 1, length, now, booked, refused));
    }

    static Conflict taken() {
        return new Conflict("slot-taken", "The space is already booked for part of that time");
    }

    /** The database refused an overlapping active booking (exclusion constraint booking_no_overlap). */
    static boolean isOverlap(Throwable failure) {
        return Constraints.refusedBy(failure, "booking_no_overlap", "23P01");
    }

    /** Inserts and flushes at once, so that an overlap surfaces here and not at commit. */
    public Uni<Booking> insert(Space space, Member member, OffsetDateTime start, OffsetDateTime end, OffsetDateTime now) {
        Booking booking = new Booking();
        booking.id = UUID.randomUUID();
        booking.spaceId = space.id;
        booking.memberId = member.id;
        booking.username = member.username;
        booking.teamId = member.teamId;
        booking.startAt = start;
        booking.endAt = end;
        booking.status = Booking.Status.CONFIRMED;
        booking.checkInToken = token();
        booking.releaseAt = start.plus(config.noShowAfter());
        booking.createdAt = now;
        // Bookings of one space one at a time, so that a lost race is a 23P01 (409) and never a deadlock.
        return TransactionLocks.lock(SPACE_LOCK_SPACE, space.id).chain(() -> booking.<Booking> persistAndFlush())
                .call(saved -> outbox.publish(BookingEvents.ADDRESS, BookingEvents.BookingConfirmed.TYPE,
                        BookingEvents.VERSION, new BookingEvents.BookingConfirmed(saved.id, space.id, space.code,
                                saved.username, saved.teamId, BookingView.local(saved.startAt, zone()),
                                BookingView.local(saved.endAt, zone()))));
    }

    static String token() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** An unknown space in a request body is bad input (400), not a missing resource. */
    public Uni<Space> space(UUID id) {
        return Space.<Space> findById(id).onItem().ifNull().failWith(() -> new Invalid("spaceId", "no space has this id"));
    }

    public Uni<Member> lockedMember(Caller caller, OffsetDateTime start) {
        LocalDate day = start.atZoneSameInstant(zone()).toLocalDate();
        return Member.<Member> find("username", caller.name()).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                .invoke(member -> requireMember(member, day));
    }

    static void requireMember(Member member, LocalDate day) {
        if (member == null) {
            throw new NotAMember("Only approved members may book; apply at /api/coworking/members first");
        }
        if (!member.mayBookOn(day)) {
            throw new NotAMember(member.status == Member.Status.APPROVED
                    ? "Your membership is valid from " + member.validFrom + " to " + member.validUntil + ", not on " + day
                    : "Your membership is " + member.status.name().toLowerCase() + "; only approved members may book");
        }
    }

    /**
     * What the rules need about the caller, in one statement: the space's closure that day, the
     * caller's recent no-shows, active bookings of this space type and minutes booked this week,
     * alone and as a team. Sums in SQL: a busy founder's week is never loaded row by row. HQL, not a
     * native select (see {@link org.smarttown.commons.db}). The statuses are literals, not
     * parameters: PostgreSQL may run a prepared statement with a generic plan, which can only use
     * the partial indexes for no-shows and active bookings (V4) when the query itself names the
     * statuses; otherwise every booking of the founder's history is read at each new booking.
     */
    private static final String FACTS = """
            select (select c.reason from SpaceClosure c where c.spaceId = s.id and c.day = :day),
                   (select count(*) from Booking b where b.username = :username and b.status = NO_SHOW
                       and b.releaseAt > :noShowSince),
                   (select max(b.releaseAt) from Booking b where b.username = :username and b.status = NO_SHOW
                       and b.releaseAt > :noShowSince),
                   (select count(*) from Booking b join Space t on t.id = b.spaceId
                     where b.username = :username and b.status in %1$s
                       and b.endAt > :now and t.type = s.type),
                   (select coalesce(sum((b.endAt - b.startAt) by minute), 0) from Booking b join Space t on t.id = b.spaceId
                     where b.username = :username and b.status in %1$s
                       and b.startAt >= :weekStart and b.startAt < :weekEnd and t.type = s.type),
                   (select coalesce(sum((b.endAt - b.startAt) by minute), 0) from Booking b join Space t on t.id = b.spaceId
                     where b.teamId = :team and b.status in %1$s
                       and b.startAt >= :weekStart and b.startAt < :weekEnd and t.type = s.type)
            from Space s where s.id = :space
            """.formatted(Booking.ACTIVE_LITERALS);

    /** Loads what the rules need (a space manager who is not a member: only the space's own rules). */
    public Uni<BookingRules.Facts> facts(Space space, BookingPolicy policy, Member member, OffsetDateTime start,
            OffsetDateTime now) {
        LocalDate day = start.atZoneSameInstant(zone()).toLocalDate();
        if (member == null) {
            return SpaceClosure.<SpaceClosure> find("spaceId = ?1 and day = ?2", space.id, day).firstResult()
                    .map(closure -> new BookingRules.Facts(space, policy, null, closure != null,
                            closure == null ? null : closure.reason, null, 0, 0, 0, now, zone()));
        }
        OffsetDateTime weekStart = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay(zone())
                .toOffsetDateTime();
        return Panache.getSession().chain(session -> session.createSelectionQuery(FACTS, Object[].class)
                .setParameter("space", space.id)
                .setParameter("day", day)
                .setParameter("username", member.username)
                .setParameter("noShowSince", now.minus(config.noShowPeriod()))
                .setParameter("now", now)
                .setParameter("weekStart", weekStart)
                .setParameter("weekEnd", weekStart.plusDays(7))
                .setParameter("team", member.teamId)
                .getSingleResult())
                .map(row -> {
                    String closure = (String) row[0];
                    long noShows = ((Number) row[1]).longValue();
                    OffsetDateTime blocked = noShows < config.noShowLimit() ? null
                            : ((OffsetDateTime) row[2]).plus(config.noShowBlock());
                    return new BookingRules.Facts(space, policy, member, closure != null, closure, blocked,
                            ((Number) row[3]).longValue(), ((Number) row[4]).longValue(), ((Number) row[5]).longValue(),
                            now, zone());
                });
    }

    @WithSession
    public Uni<BookingView> get(UUID id, Caller caller) {
        return visible(id, caller).chain(this::view);
    }

    /** For other features (the calendar): the booking if the caller may see it, else 404. */
    public Uni<Booking> visibleBooking(UUID id, Caller caller) {
        return visible(id, caller);
    }

    /** Another founder's booking answers 404, as if it did not exist. */
    Uni<Booking> visible(UUID id, Caller caller) {
        return Booking.<Booking> findById(id).map(booking -> {
            if (booking == null || !(caller.manager() || booking.username.equals(caller.name()))) {
                throw new NotFound("Booking", id);
            }
            return booking;
        });
    }

    Uni<BookingView> view(Booking booking) {
        return Space.<Space> findById(booking.spaceId).map(space -> BookingView.of(booking, space, zone()));
    }

    @WithSession
    public Uni<Page<BookingView>> mine(Caller caller, Booking.Status status, LocalDate from, LocalDate to, PageRequest page) {
        return list(caller.name(), null, status, from, to, page);
    }

    /**
     * The caller's team's bookings, read-only: their check-in tokens are left out, so a teammate
     * cannot check in (or be counted present) for someone else.
     */
    @WithSession
    public Uni<Page<BookingView>> team(Caller caller, LocalDate from, LocalDate to, PageRequest page) {
        return Member.<Member> find("username", caller.name()).firstResult().chain(member -> {
            if (member == null || member.teamId == null) {
                return Uni.createFrom().item(new Page<BookingView>(List.of(), page.page, page.size, 0, 0));
            }
            StringBuilder where = new StringBuilder("teamId = :team and status in " + Booking.ACTIVE_LITERALS);
            Map<String, Object> params = new HashMap<>(Map.of("team", member.teamId));
            if (from != null) {
                where.append(" and startAt >= :from");
                params.put("from", from.atStartOfDay(zone()).toOffsetDateTime());
            }
            if (to != null) {
                where.append(" and startAt < :to");
                params.put("to", to.plusDays(1).atStartOfDay(zone()).toOffsetDateTime());
            }
            return Page.of(Booking.<Booking> find(where.toString(), Sort.by("startAt").and("id"), params), page,
                    Function.identity())
                    .chain(result -> views(result.items()).map(views -> new Page<>(
                            views.stream().map(v -> v.username().equals(caller.name()) ? v : v.withoutCheckInToken()).toList(),
                            result.page(), result.size(), result.totalItems(), result.totalPages())));
        });
    }

    @WithSession
    public Uni<Page<BookingView>> list(String username, UUID spaceId, Booking.Status status, LocalDate from,
            LocalDate to, PageRequest page) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (username != null) {
            where.append(" and username = :user");
            params.put("user", username);
        }
        if (spaceId != null) {
            where.append(" and spaceId = :space");
            params.put("space", spaceId);
        }
        if (status != null) {
            where.append(" and status = :status");
            params.put("status", status);
        }
        if (from != null) {
            where.append(" and startAt >= :from");
            params.put("from", from.atStartOfDay(zone()).toOffsetDateTime());
        }
        if (to != null) {
            where.append(" and startAt < :to");
            params.put("to", to.plusDays(1).atStartOfDay(zone()).toOffsetDateTime());
        }
        return Page.of(Booking.<Booking> find(where.toString(), Sort.by("startAt").and("id"), params), page,
                Function.identity())
                .chain(result -> views(result.items()).map(views -> new Page<>(views, result.page(), result.size(),
                        result.totalItems(), result.totalPages())));
    }

    Uni<List<BookingView>> views(List<Booking> bookings) {
        Set<UUID> ids = bookings.stream().map(b -> b.spaceId).collect(Collectors.toSet());
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Space.<Space> list("id in ?1", ids).map(spaces -> {
            Map<UUID, Space> byId = spaces.stream().collect(Collectors.toMap(s -> s.id, s -> s));
            return bookings.stream().map(b -> BookingView.of(b, byId.get(b.spaceId), zone())).toList();
        });
    }

    public Uni<BookingView> cancel(UUID id, Caller caller) {
        OffsetDateTime now = OffsetDateTime.now();
        return Panache.withTransaction(() -> visible(id, caller).chain(booking -> {
            if (booking.status != Booking.Status.CONFIRMED) {
                return Uni.createFrom().failure(new Conflict("booking-not-cancellable",
                        "Booking " + id + " is " + booking.status.name().toLowerCase() + " and cannot be cancelled"));
            }
            if (!booking.endAt.isAfter(now)) {
                return Uni.createFrom().failure(new Conflict("booking-not-cancellable", "Booking " + id + " is over"));
            }
            return cancelOne(booking, caller, now).chain(this::view);
        })).call(view -> waitlist.offerFreed(view.spaceId(), view.start(), view.end()));
    }

    public Uni<CancelledBookings> cancelRange(CancelRange range, Caller caller) {
        boolean all = Boolean.TRUE.equals(range.allFuture());
        if (!all && (range.from() == null || range.to() == null)) {
            return Uni.createFrom().failure(new Invalid("from", "give from and to, or allFuture: true"));
        }
        if (all && (range.from() != null || range.to() != null)) {
            return Uni.createFrom().failure(new Invalid("allFuture", "give either from and to, or allFuture: true"));
        }
        if (!all && range.to().isBefore(range.from())) {
            return Uni.createFrom().failure(new Invalid("to", "must not be before from"));
        }
        if (!all && range.to().isAfter(range.from().plusYears(1))) {
            return Uni.createFrom().failure(new Invalid("to", "a range covers at most a year"));
        }
        OffsetDateTime now = OffsetDateTime.now();
        OffsetDateTime from = all ? now : max(now, range.from().atStartOfDay(zone()).toOffsetDateTime());
        OffsetDateTime to = all ? now.plusYears(2) : range.to().plusDays(1).atStartOfDay(zone()).toOffsetDateTime();
        return Panache.withTransaction(() -> Booking.<Booking> list(
                "username = ?1 and status = ?2 and startAt >= ?3 and startAt < ?4", Sort.by("startAt"),
                caller.name(), Booking.Status.CONFIRMED, from, to)
                .chain(bookings -> cancelEach(bookings, 0, caller, now)
                        .chain(() -> views(bookings))))
                .call(views -> offerEach(views, 0))
                .map(views -> new CancelledBookings(views.size(), views));
    }

    /** Offers freed slots to the waitlist one after the other, each in its own transaction. */
    Uni<Void> offerEach(List<BookingView> freed, int index) {
        if (index >= freed.size()) {
            return Uni.createFrom().voidItem();
        }
        BookingView view = freed.get(index);
        return waitlist.offerFreed(view.spaceId(), view.start(), view.end()).chain(() -> offerEach(freed, index + 1));
    }

    /** A founder checks in with the booking's QR token; someone else's token is unknown to them (404). */
    public Uni<BookingView> checkInWithToken(String token, Caller caller) {
        OffsetDateTime now = OffsetDateTime.now();
        return Panache.withTransaction(() -> Booking.<Booking> find("checkInToken", token).firstResult()
                .chain(booking -> {
                    if (booking == null || !booking.username.equals(caller.name())) {
                        return Uni.createFrom().failure(new NotFound("Booking with check-in token", "given"));
                    }
                    return checkIn(booking, caller, now);
                }));
    }

    /** A space manager checks a founder in (e.g. at the front desk). */
    public Uni<BookingView> checkInByManager(UUID id, Caller caller) {
        OffsetDateTime now = OffsetDateTime.now();
        return Panache.withTransaction(() -> visible(id, caller).chain(booking -> checkIn(booking, caller, now)));
    }

    private Uni<BookingView> checkIn(Booking booking, Caller caller, OffsetDateTime now) {
        if (booking.status != Booking.Status.CONFIRMED) {
            return Uni.createFrom().failure(new Conflict("booking-not-active",
                    "Booking " + booking.id + " is " + booking.status.name().toLowerCase()));
        }
        OffsetDateTime opens = booking.startAt.minus(config.checkInOpensBefore());
        if (now.isBefore(opens)) {
            return Uni.createFrom().failure(new RuleBroken("check-in-too-early", "Too early to check in",
                    "Check-in opens at " + BookingView.local(opens, zone())));
        }
        if (now.isAfter(booking.releaseAt)) {
            return Uni.createFrom().failure(new RuleBroken("check-in-too-late", "Too late to check in",
                    "Check-in closed at " + BookingView.local(booking.releaseAt, zone())));
        }
        booking.status = Booking.Status.CHECKED_IN;
        booking.checkedInAt = now;
        booking.checkedInBy = caller.name();
        return view(booking);
    }

    private static OffsetDateTime max(OffsetDateTime a, OffsetDateTime b) {
        return a.isAfter(b) ? a : b;
    }

    private Uni<Void> cancelEach(List<Booking> bookings, int index, Caller caller, OffsetDateTime now) {
        if (index >= bookings.size()) {
            return Uni.createFrom().voidItem();
        }
        return cancelOne(bookings.get(index), caller, now).chain(() -> cancelEach(bookings, index + 1, caller, now));
    }

    /** Cancels inside the caller's transaction and announces it. */
    Uni<Booking> cancelOne(Booking booking, Caller caller, OffsetDateTime now) {
        booking.status = Booking.Status.CANCELLED;
        booking.cancelledAt = now;
        booking.cancelledBy = caller.name();
        return Space.<Space> findById(booking.spaceId)
                .call(space -> outbox.publish(BookingEvents.ADDRESS, BookingEvents.BookingCancelled.TYPE,
                        BookingEvents.VERSION, new BookingEvents.BookingCancelled(booking.id, booking.spaceId, space.code,
                                booking.username, BookingView.local(booking.startAt, zone()),
                                BookingView.local(booking.endAt, zone()), caller.name(),
                                BookingView.local(now, zone()))))
                .call(() -> Panache.flush())
                .replaceWith(booking);
    }

}
