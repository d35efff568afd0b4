package org.smarttown.mentoring.booking;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.smarttown.commons.outbox.Outbox;
import org.smarttown.commons.paging.Page;
import org.smarttown.commons.paging.PageRequest;
import org.smarttown.commons.problem.Conflict;
import org.smarttown.commons.problem.Invalid;
import org.smarttown.commons.problem.NotFound;
import org.smarttown.commons.problem.ProblemException;
import org.smarttown.mentoring.booking.Attendance.Place;
import org.smarttown.mentoring.booking.BookingDtos.AttendeeView;
import org.smarttown.mentoring.booking.BookingDtos.BookingRequest;
import org.smarttown.mentoring.booking.BookingDtos.ChangeView;
import org.smarttown.mentoring.booking.BookingDtos.SessionView;
import org.smarttown.mentoring.booking.BookingDtos.SlotView;
import org.smarttown.mentoring.booking.SlotCalculator.Held;
import org.smarttown.mentoring.catalog.Mentor;
import org.smarttown.mentoring.catalog.SessionType;
import org.smarttown.mentoring.common.Caller;
import org.smarttown.mentoring.common.Problems;
import org.smarttown.mentoring.webhook.WebhookService;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/**
 * Slots and sessions. Every booking, reschedule and seat change first locks the mentor's row, so
 * bookings of one mentor are decided one at a time (counts for limits and seats are then exact);
 * the table's exclusion constraint stays the last guard against a double booking.
 */
@ApplicationScoped
public class SessionService {

    static final int MAX_SLOT_DAYS = 31;

    private final Outbox outbox;
    private final WebhookService webhooks;

    public SessionService(Outbox outbox, WebhookService webhooks) {
        this.outbox = outbox;
        this.webhooks = webhooks;
    }

    // --- slots ---

    /**
     * The mentor's free starts. Asked by a founder, starts on a day or week where the founder's own
     * limit for the type is reached are left out too, since booking them would be refused; their
     * place in {@code rescheduling} (the session they are about to move) does not count.
     */
    public Uni<List<SlotView>> slots(Caller caller, UUID mentorId, UUID sessionTypeId, LocalDate from, LocalDate to,
            UUID rescheduling) {
        if (to.isBefore(from)) {
            throw new Invalid("to", "must not be before from");
        }
        if (from.plusDays(MAX_SLOT_DAYS).isBefore(to)) {
            throw new Invalid("to", "at most " + MAX_SLOT_DAYS + " days after from");
        }
        Instant weeksFrom = SlotCalculator.dayStart(SlotCalculator.weekStart(from));
        Instant weeksTo = SlotCalculator.dayStart(SlotCalculator.weekStart(to).plusWeeks(1));
        return Panache.withSession(() -> mentorAndType(mentorId, sessionTypeId, "mentorId", "sessionType")
                .chain(pair -> held(mentorId, weeksFrom, weeksTo)
                        .chain(held -> (caller.isFounder()
                                ? founderStarts(caller.name(), pair.type(), weeksFrom, weeksTo, rescheduling)
                                : Uni.createFrom().item(List.<Instant> of()))
                                .map(mine -> SlotCalculator.slots(pair.mentor().availability, pair.type(), from, to,
                                        Instant.now(), held).stream()
                                        .filter(s -> SlotCalculator.withinFounderLimits(pair.type(), s.start(), mine))
                                        .map(s -> new SlotView(seoul(s.start()), seoul(s.end()), s.seatsLeft()))
                                        .toList()))));
    }

    // --- booking ---

    public Uni<SessionView> book(Caller founder, BookingRequest request) {
        Instant start = request.start().toInstant();
        if (!start.isAfter(Instant.now())) {
            throw new Invalid("start", "must be in the future");
        }
        return Panache.withTransaction(() -> mentorAndType(request.mentorId(), request.sessionTypeId(), "mentorId",
                "sessionTypeId")
                .chain(pair -> {
                    SessionType type = pair.type();
                    checkOnGridAndNotice(pair.mentor(), type, start);
                    return lockMentor(pair.mentor().id)
                            .chain(() -> checkFounderLimits(founder.name(), type, start, null))
                            .chain(() -> held(pair.mentor().id, weekStartOf(start), weekStartOf(start).plus(Duration.ofDays(7))))
                            .chain(held -> placeIn(founder, pair.mentor(), type, start, held));
                }))
                .onFailure().transform(Problems::translate);
    }

    private Uni<SessionView> placeIn(Caller founder, Mentor mentor, SessionType type, Instant start, List<Held> held) {
        if (type.isGroup()) {
            return MentoringSession.<MentoringSession> find(
                    "mentorId = ?1 and sessionTypeId = ?2 and startAt = ?3 and status in " + SessionStatus.ACTIVE_LITERALS,
                    mentor.id, type.id, utc(start)).firstResult()
                    .chain(existing -> existing != null ? join(founder, existing)
                            : createSession(founder, mentor, type, start, held));
        }
        return createSession(founder, mentor, type, start, held);
    }

    private Uni<SessionView> createSession(Caller founder, Mentor mentor, SessionType type, Instant start, List<Held> held) {
        boolean free = SlotCalculator.slots(mentor.availability, type, localDate(start), localDate(start),
                Instant.EPOCH, held).stream().anyMatch(slot -> slot.start().equals(start));
        if (!free) {
            boolean overlaps = held.stream().anyMatch(h -> h.blockedFrom().isBefore(blockedTo(type, start))
                    && blockedFrom(type, start).isBefore(h.blockedTo()));
            throw overlaps ? new Conflict("slot-taken", "The mentor is already booked at that time")
                    : new Conflict("booking-limit-reached", "The mentor's limit for this session type is reached");
        }
        OffsetDateTime now = now();
        MentoringSession session = new MentoringSession();
        session.id = UUID.randomUUID();
        session.agencyId = mentor.agencyId;
        session.mentorId = mentor.id;
        session.sessionTypeId = type.id;
        session.startAt = utc(start);
        session.endAt = utc(start.plus(type.duration()));
        session.blockedFrom = utc(blockedFrom(type, start));
        session.blockedTo = utc(blockedTo(type, start));
        session.status = type.requiresConfirmation ? SessionStatus.REQUESTED : SessionStatus.CONFIRMED;
        session.seats = type.seats;
        session.createdAt = now;
        session.updatedAt = now;
        Attendance attendance = newAttendance(session, founder.name(), Place.SEATED);
        return session.persist()
                .chain(() -> attendance.persist())
                .chain(() -> record(session, null, session.status, founder, "booked"))
                .chain(() -> publish(session, type, "SessionRequested", founder, null, null))
                .chain(() -> session.status == SessionStatus.CONFIRMED
                        ? publish(session, type, "SessionConfirmed", founder, null, "confirmed on booking")
                        : Uni.createFrom().voidItem())
                .chain(() -> view(session, founder));
    }

    /** Joins a group session: a seat while one is free, else the waitlist. The mentor's row lock makes the count exact. */
    private Uni<SessionView> join(Caller founder, MentoringSession session) {
        return Attendance.count("sessionId = ?1 and status = ?2", session.id, Place.SEATED)
                .chain(seated -> {
                    Place place = seated < session.seats ? Place.SEATED : Place.WAITLISTED;
                    return newAttendance(session, founder.name(), place).persist()
                            .chain(() -> record(session, session.status, session.status, founder,
                                    place == Place.SEATED ? "took a seat" : "joined the waitlist"));
                })
                .chain(() -> view(session, founder));
    }

    private static Attendance newAttendance(MentoringSession session, String founder, Place place) {
        Attendance attendance = new Attendance();
        attendance.id = UUID.randomUUID();
        attendance.sessionId = session.id;
        attendance.founder = founder;
        attendance.status = place;
        attendance.createdAt = now();
        attendance.updatedAt = attendance.createdAt;
        return attendance;
    }

    private static void checkOnGridAndNotice(Mentor mentor, SessionType type, Instant start) {
        if (!SlotCalculator.onGrid(mentor.availability, type, start)) {
            throw new Invalid("start", "is not one of the mentor's slots for this session type");
        }
        if (start.isBefore(Instant.now().plus(type.minBookingNoticeMinutes, ChronoUnit.MINUTES))) {
            throw new Invalid("start", "must be at least " + type.minBookingNoticeMinutes + " minutes ahead");
        }
    }

    /** Refuses a place at {@code start} beyond the founder's limits; their place in {@code except} is not counted. */
    private Uni<Void> checkFounderLimits(String founder, SessionType type, Instant start, UUID except) {
        Instant week = weekStartOf(start);
        return founderStarts(founder, type, week, week.plus(Duration.ofDays(7)), except).map(mine -> {
            if (!SlotCalculator.withinFounderLimits(type, start, mine)) {
                throw new Conflict("booking-limit-reached",
                        "You reached your limit of sessions of this type for that day or week");
            }
            return null;
        });
    }

    /** The starts of the active sessions of a type in which the founder holds a live place (seat or waitlist). */
    private Uni<List<Instant>> founderStarts(String founder, SessionType type, Instant from, Instant to, UUID except) {
        if (type.maxPerDayPerFounder == null && type.maxPerWeekPerFounder == null) {
            return Uni.createFrom().item(List.of());
        }
        return MentoringSession.<MentoringSession> find("sessionTypeId = ?1 and status in " + SessionStatus.ACTIVE_LITERALS
                + " and startAt >= ?2 and startAt < ?3"
                + " and id in (select a.sessionId from Attendance a where a.founder = ?4 and a.status in " + Place.LIVE_LITERALS + ")",
                type.id, utc(from), utc(to), founder)
                .list().map(sessions -> sessions.stream().filter(s -> !s.id.equals(except))
                        .map(s -> s.startAt.toInstant()).toList());
    }

    // --- changes ---

    /** A founder cancels their place; inside the type's change notice only the agency may. */
    public Uni<SessionView> cancelByFounder(Caller founder, UUID id, String reason) {
        return Panache.withTransaction(() -> founderSession(founder, id).chain(found -> {
            MentoringSession session = found.session();
            return typeOf(session).chain(type -> {
                requireChangeNotice(type, session);
                if (!session.status.isActive()) {
                    throw notAllowed(session.status, SessionStatus.CANCELLED);
                }
                return lockMentor(session.mentorId).chain(() -> {
                    if (!type.isGroup()) {
                        found.attendance().status = Place.CANCELLED;
                        found.attendance().updatedAt = now();
                        return transition(session, type, SessionStatus.CANCELLED, founder, reason, "SessionCancelled");
                    }
                    return leaveGroup(found.attendance(), session, type, founder,
                            "left the group session" + (reason == null ? "" : ": " + reason));
                }).chain(() -> view(session, founder));
            });
        }));
    }

    /**
     * Gives up a group seat or waitlist place; the first on the waitlist takes a freed seat. A group
     * session that nobody holds a place in any more is cancelled, so the mentor's time is free again.
     */
    private Uni<Void> leaveGroup(Attendance attendance, MentoringSession session, SessionType type, Caller founder,
            String why) {
        boolean wasSeated = attendance.status == Place.SEATED;
        attendance.status = Place.CANCELLED;
        attendance.updatedAt = now();
        Uni<Void> left = record(session, session.status, session.status, founder, why);
        if (wasSeated) {
            left = left.chain(() -> Attendance.<Attendance> find("sessionId = ?1 and status = ?2",
                    Sort.by("createdAt").and("id"), session.id, Place.WAITLISTED).<Attendance> firstResult())
                    .chain((Attendance next) -> {
                        if (next == null) {
                            return Uni.createFrom().voidItem();
                        }
                        next.status = Place.SEATED;
                        next.updatedAt = now();
                        return record(session, session.status, session.status, founder,
                                "seat passed from the waitlist to " + next.founder);
                    });
        }
        return left.chain(() -> Panache.getSession().chain(s -> s.flush()))
                .chain(() -> Attendance.count("sessionId = ?1 and status in " + Place.LIVE_LITERALS, session.id))
                .chain(remaining -> remaining > 0 ? Uni.createFrom().voidItem()
                        : transition(session, type, SessionStatus.CANCELLED, founder,
                                "the last place in the group session was given up", "SessionCancelled"));
    }

    /**
     * A founder moves their session. In a one-to-one session the session itself moves; in a group
     * session the founder's own place moves to the group session at the new start (or opens one),
     * and needs a free seat there: nobody trades a seat for a waitlist place by rescheduling.
     */
    public Uni<SessionView> rescheduleByFounder(Caller founder, UUID id, OffsetDateTime newStart, String reason) {
        Instant start = newStart.toInstant();
        return Panache.withTransaction(() -> founderSession(founder, id)
                .chain(found -> typeOf(found.session()).chain(type -> type.isGroup()
                        ? moveSeat(found, type, start, founder, reason)
                        : reschedule(found.session(), start, founder, reason, true))))
                .onFailure().transform(Problems::translate);
    }

    public Uni<SessionView> rescheduleByAgency(Caller agency, UUID id, OffsetDateTime newStart, String reason) {
        return Panache.withTransaction(() -> agencySession(agency.agency(), id)
                .chain(session -> reschedule(session, newStart.toInstant(), agency, reason, false)))
                .onFailure().transform(Problems::translate);
    }

    private Uni<SessionView> reschedule(MentoringSession session, Instant start, Caller caller, String reason,
            boolean byFounder) {
        if (!start.isAfter(Instant.now())) {
            throw new Invalid("start", "must be in the future");
        }
        return typeOf(session).chain(type -> {
            if (!session.status.isActive()) {
                throw new Conflict("session-closed", "A " + session.status + " session cannot be rescheduled");
            }
            if (byFounder) {
                requireChangeNotice(type, session);
            }
            return Mentor.<Mentor> findById(session.mentorId).chain(mentor -> {
                if (!SlotCalculator.onGrid(mentor.availability, type, start)) {
                    throw new Invalid("start", "is not one of the mentor's slots for this session type");
                }
                if (byFounder && start.isBefore(Instant.now().plus(type.minBookingNoticeMinutes, ChronoUnit.MINUTES))) {
                    throw new Invalid("start", "must be at least " + type.minBookingNoticeMinutes + " minutes ahead");
                }
                // A founder's move counts against their limits at the new start, the session itself aside;
                // the agency may move it anywhere the mentor is free, as it may inside the change notice.
                return lockMentor(mentor.id)
                        .chain(() -> byFounder ? checkFounderLimits(caller.name(), type, start, session.id)
                                : Uni.createFrom().voidItem())
                        .chain(() -> held(mentor.id, weekStartOf(start), weekStartOf(start).plus(Duration.ofDays(7))))
                        .chain(held -> {
                            List<Held> others = held.stream().filter(h -> !h.start().equals(session.startAt.toInstant())
                                    || !h.sessionTypeId().equals(session.sessionTypeId)).toList();
                            // A group session moves whole, with its seats and waitlist: it may not land
                            // on another group session of the type, which the slots would offer to join.
                            boolean free = SlotCalculator.slots(mentor.availability, type, localDate(start),
                                    localDate(start), Instant.EPOCH, others).stream()
                                    .anyMatch(slot -> slot.start().equals(start))
                                    && others.stream().noneMatch(h -> h.start().equals(start)
                                            && h.sessionTypeId().equals(type.id));
                            if (!free) {
                                throw new Conflict("slot-taken", "The mentor is not free at that time");
                            }
                            OffsetDateTime previous = session.startAt;
                            session.startAt = utc(start);
                            session.endAt = utc(start.plus(type.duration()));
                            session.blockedFrom = utc(blockedFrom(type, start));
                            session.blockedTo = utc(blockedTo(type, start));
                            session.updatedAt = now();
                            String why = "rescheduled from " + seoul(previous.toInstant()) + " to " + seoul(start)
                                    + (reason == null ? "" : ": " + reason);
                            return record(session, session.status, session.status, caller, why)
                                    .chain(() -> publish(session, type, "SessionRescheduled", caller, previous, reason));
                        })
                        .chain(() -> view(session, caller));
            });
        });
    }

    /**
     * Moves a founder's place in a group session to the group session of the same type at another
     * start, with the same rules as cancelling (change notice, waitlist promotion on the old one) and
     * booking (grid, notice, limits, seats). All in one transaction: refused, the old place is kept.
     */
    private Uni<SessionView> moveSeat(FounderPlace found, SessionType type, Instant start, Caller founder,
            String reason) {
        MentoringSession old = found.session();
        Attendance place = found.attendance();
        if (!start.isAfter(Instant.now())) {
            throw new Invalid("start", "must be in the future");
        }
        if (!old.status.isActive() || !place.status.isLive()) {
            throw new Conflict("session-closed", "Your place in this " + old.status + " session cannot be moved");
        }
        requireChangeNotice(type, old);
        if (start.equals(old.startAt.toInstant())) {
            throw new Invalid("start", "is the session's current start");
        }
        return Mentor.<Mentor> findById(old.mentorId).chain(mentor -> {
            checkOnGridAndNotice(mentor, type, start);
            String movedTo = "moved to " + seoul(start) + (reason == null ? "" : ": " + reason);
            String movedFrom = "moved from " + seoul(old.startAt.toInstant()) + (reason == null ? "" : ": " + reason);
            return lockMentor(mentor.id)
                    .chain(() -> leaveGroup(place, old, type, founder, movedTo))
                    .chain(() -> checkFounderLimits(founder.name(), type, start, null))
                    .chain(() -> MentoringSession.<MentoringSession> find(
                            "mentorId = ?1 and sessionTypeId = ?2 and startAt = ?3 and status in " + SessionStatus.ACTIVE_LITERALS,
                            mentor.id, type.id, utc(start)).<MentoringSession> firstResult())
                    .chain(target -> target != null ? takeSeat(founder, target, movedFrom)
                            : held(mentor.id, weekStartOf(start), weekStartOf(start).plus(Duration.ofDays(7)))
                                    .chain(held -> createSession(founder, mentor, type, start, held))
                                    .chain(created -> MentoringSession.<MentoringSession> findById(created.id())
                                            .chain(session -> record(session, session.status, session.status,
                                                    founder, movedFrom).chain(() -> view(session, founder)))));
        });
    }

    /** A seat in an existing group session, or a 409 when none is free (the waitlist is not offered). */
    private Uni<SessionView> takeSeat(Caller founder, MentoringSession session, String why) {
        return Attendance.count("sessionId = ?1 and status = ?2", session.id, Place.SEATED).chain(seated -> {
            if (seated >= session.seats) {
                throw new Conflict("no-seat-free", "No seat is free in the group session at that start; "
                        + "your place stays where it was");
            }
            return newAttendance(session, founder.name(), Place.SEATED).persist()
                    .chain(() -> record(session, session.status, session.status, founder, why))
                    .chain(() -> view(session, founder));
        });
    }

    /** An agency moves one of its sessions on: confirm, decline, cancel, complete or a no-show. */
    public Uni<SessionView> changeByAgency(Caller agency, UUID id, SessionStatus next, String reason) {
        return Panache.withTransaction(() -> agencySession(agency.agency(), id).chain(session -> typeOf(session)
                .chain(type -> transition(session, type, next, agency, reason, eventFor(next)))
                .chain(() -> view(session, agency))))
                .onFailure().transform(Problems::translate);
    }

    private static String eventFor(SessionStatus next) {
        return switch (next) {
            case CONFIRMED -> "SessionConfirmed";
            case DECLINED -> "SessionDeclined";
            case CANCELLED -> "SessionCancelled";
            case COMPLETED -> "SessionCompleted";
            case NO_SHOW_HOST, NO_SHOW_GUEST -> "SessionNoShow";
            default -> throw new IllegalArgumentException(next.name());
        };
    }

    private Uni<Void> transition(MentoringSession session, SessionType type, SessionStatus next, Caller caller,
            String reason, String eventType) {
        if (!session.status.canBecome(next)) {
            throw notAllowed(session.status, next);
        }
        SessionStatus previous = session.status;
        session.status = next;
        session.updatedAt = now();
        return record(session, previous, next, caller, reason)
                .chain(() -> publish(session, type, eventType, caller, null, reason));
    }

    public Uni<SessionView> rate(Caller founder, UUID id, Integer score, String comment) {
        return Panache.withTransaction(() -> founderSession(founder, id).chain(found -> {
            if (found.session().status != SessionStatus.COMPLETED || found.attendance().status != Place.SEATED) {
                throw new Conflict("not-completed", "Only a session you attended and that is completed can be rated");
            }
            found.attendance().rating = score;
            found.attendance().ratingComment = comment;
            return view(found.session(), founder);
        }));
    }

    // --- reading ---

    public Uni<SessionView> founderView(Caller founder, UUID id) {
        return Panache.withSession(() -> founderSession(founder, id).chain(found -> view(found.session(), founder)));
    }

    public Uni<SessionView> agencyView(Caller agency, UUID id) {
        return Panache.withSession(() -> agencySession(agency.agency(), id).chain(session -> view(session, agency)));
    }

    /**
     * A founder's sessions, each with the founder's own place. From a day on (what the founders' page
     * shows by default): soonest first, so the next session is on the first page however many lie
     * further ahead. Without a day: the whole history, latest first.
     */
    public Uni<Page<SessionView>> mine(Caller founder, LocalDate from, PageRequest page) {
        return Panache.withSession(() -> {
            String theirs = "id in (select a.sessionId from Attendance a where a.founder = ?1)";
            var query = from == null
                    ? MentoringSession.<MentoringSession> find(theirs,
                            Sort.by("startAt", Sort.Direction.Descending).and("id"), founder.name())
                    : MentoringSession.<MentoringSession> find(theirs + " and startAt >= ?2", Sort.by("startAt").and("id"),
                            founder.name(), SlotCalculator.dayStart(from).atOffset(ZoneOffset.UTC));
            return pageOfViews(query, page, founder);
        });
    }

    public Uni<Page<SessionView>> ofAgency(Caller agency, SessionStatus status, PageRequest page) {
        return Panache.withSession(() -> {
            var query = status == null
                    ? MentoringSession.<MentoringSession> find("agencyId", Sort.by("startAt").and("id"), agency.agency())
                    : MentoringSession.<MentoringSession> find("agencyId = ?1 and status = ?2",
                            Sort.by("startAt").and("id"), agency.agency(), status);
            return pageOfViews(query, page, agency);
        });
    }

    private Uni<Page<SessionView>> pageOfViews(io.quarkus.hibernate.reactive.panache.PanacheQuery<MentoringSession> query,
            PageRequest page, Caller caller) {
        return Page.of(query, page, s -> s).chain(sessions -> {
            Uni<List<SessionView>> views = Uni.createFrom().item(new java.util.ArrayList<>());
            for (MentoringSession session : sessions.items()) {
                views = views.chain(list -> view(session, caller).map(v -> {
                    list.add(v);
                    return list;
                }));
            }
            return views.map(list -> new Page<>(list, sessions.page(), sessions.size(), sessions.totalItems(),
                    sessions.totalPages()));
        });
    }

    private Uni<SessionView> view(MentoringSession session, Caller caller) {
        return Panache.getSession().chain(s -> s.flush())
                .chain(() -> Attendance.<Attendance> find("sessionId", Sort.by("createdAt").and("id"), session.id).list())
                .chain(attendances -> SessionChange.<SessionChange> find("sessionId", Sort.by("at").and("id"), session.id)
                        .list().chain(changes -> typeOf(session).map(type -> {
                            long seated = attendances.stream().filter(a -> a.status == Place.SEATED).count();
                            long waiting = attendances.stream().filter(a -> a.status == Place.WAITLISTED).count();
                            Place mine = caller.isAgency() || caller.isAdmin() ? null
                                    : attendances.stream().filter(a -> a.founder.equals(caller.name()))
                                            .max(Comparator.comparing((Attendance a) -> a.createdAt))
                                            .map(a -> a.status).orElse(null);
                            List<AttendeeView> attendees = caller.isAgency() || caller.isAdmin()
                                    ? attendances.stream().map(a -> new AttendeeView(a.founder, a.status, a.rating)).toList()
                                    : List.of();
                            List<ChangeView> history = caller.isAgency() || caller.isAdmin()
                                    ? changes.stream().map(ChangeView::of).toList()
                                    : changes.stream().map(c -> ChangeView.forFounder(c, caller.name()))
                                            .filter(java.util.Objects::nonNull).toList();
                            return new SessionView(session.id, session.agencyId, session.mentorId,
                                    session.sessionTypeId, type.kind, seoul(session.startAt.toInstant()),
                                    seoul(session.endAt.toInstant()), session.status, session.seats, seated, waiting,
                                    mine, attendees, history);
                        })));
    }

    // --- helpers ---

    record MentorAndType(Mentor mentor, SessionType type) {
    }

    record FounderPlace(MentoringSession session, Attendance attendance) {
    }

    private Uni<MentorAndType> mentorAndType(UUID mentorId, UUID typeId, String mentorField, String typeField) {
        return Mentor.<Mentor> findById(mentorId).chain(mentor -> {
            if (mentor == null || !mentor.active) {
                throw new Invalid(mentorField, "no such mentor");
            }
            return SessionType.<SessionType> findById(typeId).map(type -> {
                if (type == null || !type.active || !type.agencyId.equals(mentor.agencyId)) {
                    throw new Invalid(typeField, "no such session type for this mentor");
                }
                return new MentorAndType(mentor, type);
            });
        });
    }

    /** A founder sees only sessions they hold or held a place in; others' are not found. */
    private Uni<FounderPlace> founderSession(Caller founder, UUID id) {
        return Attendance.<Attendance> find("sessionId = ?1 and founder = ?2", Sort.by("createdAt", Sort.Direction.Descending),
                id, founder.name()).firstResult()
                .chain(attendance -> {
                    if (attendance == null) {
                        throw new NotFound("Session", id);
                    }
                    return MentoringSession.<MentoringSession> findById(id)
                            .map(session -> new FounderPlace(session, attendance));
                });
    }

    private Uni<MentoringSession> agencySession(String agencyId, UUID id) {
        return MentoringSession.<MentoringSession> findById(id).map(session -> {
            if (session == null || !session.agencyId.equals(agencyId)) {
                throw new NotFound("Session", id);
            }
            return session;
        });
    }

    private Uni<SessionType> typeOf(MentoringSession session) {
        return SessionType.findById(session.sessionTypeId);
    }

    /** Serialises bookings per mentor (SELECT ... FOR UPDATE on the mentor's row) until commit. */
    private Uni<Void> lockMentor(UUID mentorId) {
        return Mentor.findById(mentorId, LockModeType.PESSIMISTIC_WRITE).replaceWithVoid();
    }

    private Uni<List<Held>> held(UUID mentorId, Instant from, Instant to) {
        return MentoringSession.<MentoringSession> find("mentorId = ?1 and status in " + SessionStatus.ACTIVE_LITERALS
                + " and blockedTo > ?2 and blockedFrom < ?3",
                mentorId, utc(from.minus(Duration.ofDays(1))), utc(to.plus(Duration.ofDays(1))))
                .list()
                .chain(sessions -> seatsTaken(sessions).map(taken -> sessions.stream()
                        .map(s -> new Held(s.sessionTypeId, s.startAt.toInstant(), s.blockedFrom.toInstant(),
                                s.blockedTo.toInstant(), Math.max(0, s.seats - taken.getOrDefault(s.id, 0L).intValue()),
                                s.seats > 1))
                        .toList()));
    }

    private Uni<java.util.Map<UUID, Long>> seatsTaken(List<MentoringSession> sessions) {
        List<UUID> groups = sessions.stream().filter(s -> s.seats > 1).map(s -> s.id).toList();
        if (groups.isEmpty()) {
            return Uni.createFrom().item(java.util.Map.of());
        }
        return Attendance.<Attendance> find("sessionId in ?1 and status = ?2", groups, Place.SEATED).list()
                .map(list -> list.stream().collect(java.util.stream.Collectors.groupingBy(a -> a.sessionId,
                        java.util.stream.Collectors.counting())));
    }

    private static void requireChangeNotice(SessionType type, MentoringSession session) {
        if (Instant.now().plus(type.minChangeNoticeMinutes, ChronoUnit.MINUTES).isAfter(session.startAt.toInstant())) {
            throw new TooLate(type.minChangeNoticeMinutes);
        }
    }

    private Uni<Void> record(MentoringSession session, SessionStatus from, SessionStatus to, Caller caller,
            String reason) {
        SessionChange change = new SessionChange();
        change.id = UUID.randomUUID();
        change.sessionId = session.id;
        change.fromStatus = from == null ? null : from.name();
        change.toStatus = to.name();
        change.actor = caller.actor();
        change.actorKind = caller.kind();
        change.reason = reason;
        change.at = now();
        return change.persist().replaceWithVoid();
    }

    private Uni<Void> publish(MentoringSession session, SessionType type, String eventType, Caller caller,
            OffsetDateTime previousStart, String reason) {
        String founder = caller.isAgency() || caller.isAdmin() ? null : caller.name();
        SessionEvent event = new SessionEvent(session.id, session.agencyId, session.mentorId, session.sessionTypeId,
                type.kind.name(), session.status.name(), seoul(session.startAt.toInstant()),
                seoul(session.endAt.toInstant()), previousStart == null ? null : seoul(previousStart.toInstant()),
                founder, caller.actor(), caller.kind(), reason, now());
        // The webhook deliveries join the event's transaction: both are stored, or neither.
        return outbox.publish(SessionEvent.ADDRESS, eventType, 1, event)
                .chain(eventId -> webhooks.enqueue(session.agencyId, eventId, eventType, event.changedAt(), event));
    }

    private static ProblemException notAllowed(SessionStatus from, SessionStatus to) {
        return new Conflict("transition-not-allowed", "A " + from + " session cannot become " + to);
    }

    /** Refused to the founder inside the session type's change notice (the agency may still act). */
    public static class TooLate extends ProblemException {
        TooLate(int minutes) {
            super(409, "change-notice-passed", "Too late to change",
                    "Founders may cancel or reschedule up to " + minutes + " minutes before the start; ask the agency");
        }
    }

    private static Instant blockedFrom(SessionType type, Instant start) {
        return start.minus(type.bufferBeforeMinutes, ChronoUnit.MINUTES);
    }

    private static Instant blockedTo(SessionType type, Instant start) {
        return start.plus(type.duration()).plus(type.bufferAfterMinutes, ChronoUnit.MINUTES);
    }

    private static Instant weekStartOf(Instant instant) {
        return SlotCalculator.dayStart(SlotCalculator.weekStart(localDate(instant)));
    }

    private static LocalDate localDate(Instant instant) {
        return instant.atZone(SlotCalculator.ZONE).toLocalDate();
    }

    static OffsetDateTime seoul(Instant instant) {
        return instant.atZone(SlotCalculator.ZONE).toOffsetDateTime();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
