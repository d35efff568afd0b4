package org.smarttown.coworking.waitlist;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.jboss.logging.Logger;
import org.smarttown.commons.outbox.Outbox;
import org.smarttown.commons.paging.Page;
import org.smarttown.commons.paging.PageRequest;
import org.smarttown.commons.problem.Conflict;
import org.smarttown.commons.problem.NotFound;
import org.smarttown.coworking.booking.BookingEvents;
import org.smarttown.coworking.booking.BookingRequest;
import org.smarttown.coworking.booking.BookingService;
import org.smarttown.coworking.common.Caller;
import org.smarttown.coworking.common.RuleBroken;
import org.smarttown.coworking.member.Member;
import org.smarttown.coworking.space.BookingPolicy;
import org.smarttown.coworking.space.Space;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/**
 * Founders waiting for a taken slot. When a booking is cancelled or released, the waiting founders
 * whose range overlaps it are tried in the order they joined; each gets the slot if it is now free
 * and their policy still allows it, and is told through WaitlistPromoted.
 */
@ApplicationScoped
public class WaitlistService {

    private static final Logger LOG = Logger.getLogger(WaitlistService.class);

    private final BookingService bookings;
    private final Outbox outbox;

    public WaitlistService(BookingService bookings, Outbox outbox) {
        this.bookings = bookings;
        this.outbox = outbox;
    }

    public Uni<WaitlistView> join(BookingRequest request, Caller caller) {
        OffsetDateTime now = OffsetDateTime.now();
        bookings.checkShape(request, now);
        return Panache.withTransaction(() -> bookings.space(request.spaceId())
                .chain(space -> BookingPolicy.<BookingPolicy> findById(space.type).chain(policy -> {
                    bookings.checkSlots(space, policy, request);
                    return bookings.lockedMember(caller, request.start())
                            .chain(member -> bookings.overlapping(space.id, request.start(), request.end())
                                    .chain(taken -> {
                                        if (taken == 0) {
                                            return Uni.createFrom().failure(new Conflict("slot-available",
                                                    "The slot is free: book it instead of waiting"));
                                        }
                                        return WaitlistEntry.count("username = ?1 and spaceId = ?2 and startAt = ?3 and endAt = ?4 and status = ?5",
                                                caller.name(), space.id, request.start(), request.end(), WaitlistEntry.Status.WAITING);
                                    })
                                    .chain(already -> {
                                        if (already > 0) {
                                            return Uni.createFrom().failure(new Conflict("already-waiting",
                                                    "You are already waiting for this slot"));
                                        }
                                        return bookings.facts(space, policy, member, request.start(), now);
                                    })
                                    .chain(facts -> {
                                        List<RuleBroken> broken = bookings.broken(facts, request);
                                        if (!broken.isEmpty()) {
                                            return Uni.createFrom().failure(broken.get(0));
                                        }
                                        WaitlistEntry entry = new WaitlistEntry();
                                        entry.id = UUID.randomUUID();
                                        entry.spaceId = space.id;
                                        entry.memberId = member.id;
                                        entry.username = member.username;
                                        entry.startAt = request.start();
                                        entry.endAt = request.end();
                                        entry.status = WaitlistEntry.Status.WAITING;
                                        entry.createdAt = now;
                                        return entry.<WaitlistEntry> persist();
                                    }));
                })))
                .map(entry -> WaitlistView.of(entry, bookings.zone()));
    }

    @WithSession
    public Uni<Page<WaitlistView>> mine(Caller caller, PageRequest page) {
        return Page.of(WaitlistEntry.<WaitlistEntry> find("username", Sort.by("createdAt").descending(), caller.name()),
                page, e -> WaitlistView.of(e, bookings.zone()));
    }

    public Uni<WaitlistView> leave(UUID id, Caller caller) {
        return Panache.withTransaction(() -> WaitlistEntry.<WaitlistEntry> findById(id).map(entry -> {
            if (entry == null || !entry.username.equals(caller.name())) {
                throw new NotFound("Waitlist entry", id);
            }
            if (entry.status != WaitlistEntry.Status.WAITING) {
                throw new Conflict("not-waiting", "Waitlist entry " + id + " is " + entry.status.name().toLowerCase());
            }
            entry.status = WaitlistEntry.Status.LEFT;
            return WaitlistView.of(entry, bookings.zone());
        }));
    }

    /**
     * Offers a freed range to the line, in its own transaction after the freeing one committed (a
     * failed attempt, e.g. someone booking the slot at the same moment, must not undo the cancel).
     * Never fails: what is not promoted now stays in line.
     */
    public Uni<Integer> offerFreed(UUID spaceId, OffsetDateTime from, OffsetDateTime to) {
        return Panache.withTransaction(() -> WaitlistEntry.<WaitlistEntry> list(
                "spaceId = ?1 and status = ?2 and startAt < ?4 and endAt > ?3", Sort.by("createdAt").and("id"),
                spaceId, WaitlistEntry.Status.WAITING, from, to)
                .chain(entries -> Space.<Space> findById(spaceId)
                        .chain(space -> BookingPolicy.<BookingPolicy> findById(space.type)
                                .chain(policy -> tryEach(entries, 0, 0, space, policy)))))
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("Waitlist promotion for space %s failed, entries stay in line: %s", spaceId, failure.getMessage());
                    return 0;
                });
    }

    private Uni<Integer> tryEach(List<WaitlistEntry> entries, int index, int promoted, Space space, BookingPolicy policy) {
        if (index >= entries.size()) {
            return Uni.createFrom().item(promoted);
        }
        WaitlistEntry entry = entries.get(index);
        OffsetDateTime now = OffsetDateTime.now();
        return Member.<Member> find("username", entry.username).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                .chain(member -> {
                    if (member == null || !member.mayBookOn(entry.startAt.atZoneSameInstant(bookings.zone()).toLocalDate())
                            || !entry.startAt.isAfter(now)) {
                        return Uni.createFrom().item(false);
                    }
                    return bookings.overlapping(space.id, entry.startAt, entry.endAt).chain(taken -> taken > 0
                            ? Uni.createFrom().item(false)
                            : bookings.facts(space, policy, member, entry.startAt, now).chain(facts -> {
                                BookingRequest request = new BookingRequest(space.id, entry.startAt, entry.endAt);
                                if (!bookings.broken(facts, request).isEmpty()) {
                                    return Uni.createFrom().item(false);
                                }
                                return bookings.insert(space, member, entry.startAt, entry.endAt, now)
                                        .chain(booking -> {
                                            entry.status = WaitlistEntry.Status.PROMOTED;
                                            entry.bookingId = booking.id;
                                            entry.promotedAt = now;
                                            return outbox.publish(BookingEvents.ADDRESS, BookingEvents.WaitlistPromoted.TYPE,
                                                    BookingEvents.VERSION, new BookingEvents.WaitlistPromoted(entry.id,
                                                            booking.id, space.id, space.code, entry.username,
                                                            local(entry.startAt), local(entry.endAt)));
                                        })
                                        .replaceWith(true);
                            }));
                })
                .chain(done -> tryEach(entries, index + 1, promoted + (done ? 1 : 0), space, policy));
    }

    private OffsetDateTime local(OffsetDateTime time) {
        return time.atZoneSameInstant(bookings.zone()).toOffsetDateTime();
    }
}
