package org.smarttown.care.vr;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.smarttown.care.common.Actor;
import org.smarttown.care.common.OpenProfiles;
import org.smarttown.care.profile.CareProfile;
import org.smarttown.care.profile.Condition;
import org.smarttown.care.reading.ReadingType;
import org.smarttown.commons.db.Constraints;
import org.smarttown.commons.db.TransactionLocks;
import org.smarttown.commons.paging.Page;
import org.smarttown.commons.paging.PageRequest;
import org.smarttown.commons.problem.Conflict;
import org.smarttown.commons.problem.Forbidden;
import org.smarttown.commons.problem.Invalid;
import org.smarttown.commons.problem.NotFound;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/**
 * The VR room. The database holds the two promises that must survive concurrent requests: a
 * session never has more enrolments than headsets (an atomic conditional increment under a check
 * constraint) and a resident is never in two overlapping sessions (an exclusion constraint).
 */
@ApplicationScoped
public class VrService {

    /** First key of the advisory locks taken per resident while enrolling ("VR" in ASCII). */
    private static final int ENROLMENT_LOCK_SPACE = 0x5652;
    /** First key of the advisory locks taken per room while scheduling ("VS"). */
    private static final int ROOM_LOCK_SPACE = 0x5653;

    // --- programmes ---

    @WithSession
    public Uni<Page<VrViews.Programme>> programmes(VrProgramme.Kind kind, PageRequest page) {
        return kind == null ? Page.of(VrProgramme.findAll(Sort.by("code")), page, VrViews.Programme::of)
                : Page.of(VrProgramme.find("kind", Sort.by("code"), kind), page, VrViews.Programme::of);
    }

    public Uni<VrViews.Programme> addProgramme(VrRequests.NewProgramme request) {
        return Panache.withTransaction(() -> VrProgramme.count("code", request.code()).chain(existing -> {
            if (existing > 0) {
                return Uni.createFrom().failure(new Conflict("programme-exists",
                        "A programme with code " + request.code() + " exists"));
            }
            VrProgramme p = new VrProgramme();
            p.id = UUID.randomUUID();
            p.code = request.code();
            p.name = request.name();
            p.kind = request.kind();
            p.durationMinutes = request.durationMinutes();
            p.intensity = request.intensity();
            p.suits = request.suits() == null ? List.of() : request.suits().stream().distinct().toList();
            p.contraindications = request.contraindications() == null ? List.of()
                    : request.contraindications().stream().distinct().toList();
            p.description = request.description();
            p.createdAt = now();
            return p.<VrProgramme> persist().map(VrViews.Programme::of);
        }));
    }

    // --- sessions ---

    public Uni<VrViews.Session> createSession(VrRequests.NewSession request, Actor actor) {
        if (request.endsAt() != null && !request.endsAt().isAfter(request.startsAt())) {
            throw new Invalid("endsAt", "must be after startsAt");
        }
        return Panache.withTransaction(() -> programme(request.programmeId(), "programmeId").chain(programme -> {
            VrSession s = new VrSession();
            s.id = UUID.randomUUID();
            s.programmeId = programme.id;
            s.startsAt = utc(request.startsAt());
            s.endsAt = request.endsAt() != null ? utc(request.endsAt())
                    : s.startsAt.plusMinutes(programme.durationMinutes);
            if (Duration.between(s.startsAt, s.endsAt).toHours() > 12) {
                return Uni.createFrom().failure(new Invalid("endsAt", "a session lasts at most 12 hours"));
            }
            s.capacity = request.capacity();
            s.staff = request.staff() != null ? request.staff() : actor.name();
            s.room = room(request);
            s.createdBy = actor.name();
            s.createdAt = now();
            // One room's sessions scheduled one at a time (see TransactionLocks): the second of two
            // clashing requests waits for the first to commit, then the exclusion constraint refuses
            // it (23P01) instead of PostgreSQL breaking a deadlock between them (40P01). Flushed here,
            // so that the constraint answers inside this transaction.
            return TransactionLocks.lock(ROOM_LOCK_SPACE, s.room).chain(() -> s.<VrSession> persistAndFlush())
                    .map(saved -> VrViews.Session.of(saved, programme, null));
        })).onFailure(VrService::isRoomTaken).recoverWithUni(e -> roomTaken(request));
    }

    /** The room asked for, or the VR room when none is named. */
    private static String room(VrRequests.NewSession request) {
        return request.room() != null && !request.room().isBlank() ? request.room().strip() : "VR-1";
    }

    /** The 409 for a session refused by vr_session_room_free, naming the session that holds the room. */
    private static Uni<VrViews.Session> roomTaken(VrRequests.NewSession request) {
        String room = room(request);
        OffsetDateTime start = utc(request.startsAt());
        // The refused transaction is gone; the session it clashed with has committed, so a new
        // session finds it. Without endsAt the refused one lasted its programme's length, at most
        // 12 hours: a room's sessions never overlap, so the first one ending after the start is a
        // clashing one either way.
        OffsetDateTime end = request.endsAt() != null ? utc(request.endsAt()) : start.plusHours(12);
        return Panache.withSession(() -> VrSession.<VrSession> find(
                "room = ?1 and startsAt < ?2 and endsAt > ?3", Sort.by("startsAt"), room, end, start).firstResult())
                .chain(clash -> Uni.createFrom().failure(new Conflict("room-taken", clash == null
                        ? "Room " + room + " is taken by another session at that time"
                        : "Room " + room + " is taken from " + clash.startsAt + " to " + clash.endsAt + " by session "
                                + clash.id)));
    }

    @WithSession
    public Uni<Page<VrViews.Session>> sessions(OffsetDateTime from, OffsetDateTime to, UUID programmeId,
            PageRequest page) {
        List<String> where = new ArrayList<>(List.of("endsAt > :from"));
        Parameters params = Parameters.with("from", from);
        if (to != null) {
            where.add("startsAt < :to");
            params.and("to", to);
        }
        if (programmeId != null) {
            where.add("programmeId = :programme");
            params.and("programme", programmeId);
        }
        return Page.of(VrSession.<VrSession> find(String.join(" and ", where), Sort.by("startsAt").and("id"), params),
                page, s -> s).chain(sessions -> VrProgramme.<VrProgramme> listAll().map(all -> {
                    Map<UUID, VrProgramme> byId = all.stream().collect(Collectors.toMap(p -> p.id, p -> p));
                    return new Page<>(sessions.items().stream()
                            .map(s -> VrViews.Session.of(s, byId.get(s.programmeId), null)).toList(),
                            sessions.page(), sessions.size(), sessions.totalItems(), sessions.totalPages());
                }));
    }

    @WithSession
    public Uni<VrViews.Session> session(UUID id) {
        return detail(id);
    }

    private Uni<VrViews.Session> detail(UUID id) {
        return findSession(id).chain(s -> programme(s.programmeId, "programmeId").chain(p -> participants(s)
                .map(participants -> VrViews.Session.of(s, p, participants))));
    }

    // --- enrolments ---

    /**
     * Enrols a resident. A contraindicated condition needs a supervisor's override, which is
     * recorded. The seat is taken by one conditional increment (which serialises enrolments of the
     * session on its row); the exclusion constraint refuses a resident's overlapping session.
     */
    public Uni<VrViews.Session> enrol(UUID sessionId, VrRequests.NewEnrolment request, Actor actor) {
        boolean override = request.overrideReason() != null && !request.overrideReason().isBlank();
        if (override && !actor.supervisor()) {
            throw new Forbidden("Only a care supervisor may enrol despite a contraindication");
        }
        OffsetDateTime now = now();
        return Panache.withTransaction(() -> findSession(sessionId).chain(s -> {
            if (!s.endsAt.isAfter(now)) {
                return Uni.createFrom().failure(new Conflict("session-over", "Session " + sessionId + " has ended"));
            }
            return OpenProfiles.require(request.residentId()).chain(profile -> programme(s.programmeId, "programmeId")
                    .chain(programme -> {
                        List<Condition> clash = programme.contraindications.stream()
                                .filter(profile.conditions::contains).toList();
                        if (!clash.isEmpty() && !override) {
                            return Uni.createFrom().failure(new Conflict("contraindicated", programme.code
                                    + " is contraindicated for this resident (" + clash.stream().map(Enum::name)
                                            .collect(Collectors.joining(", "))
                                    + "); a care supervisor may enrol them with an overrideReason"));
                        }
                        // One resident's enrolments one at a time (see TransactionLocks).
                        return TransactionLocks.lock(ENROLMENT_LOCK_SPACE, profile.residentId).chain(() -> takeSeat(s))
                                .chain(() -> insert(s, profile, actor, clash, override ? request.overrideReason() : null, now));
                    }));
        }).chain(() -> detail(sessionId)))
                .onFailure(VrService::isOverlap).transform(e -> new Conflict("overlapping-session",
                        "Resident " + request.residentId() + " is already enrolled in this or an overlapping session"));
    }

    private static Uni<Void> takeSeat(VrSession s) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "update vr_session set enrolled = enrolled + 1 where id = ?1 and enrolled < capacity")
                .setParameter(1, s.id).executeUpdate())
                .chain(updated -> updated == 1 ? Panache.getSession().chain(session -> session.refresh(s))
                        : Uni.createFrom().failure(new Conflict("session-full",
                                "All " + s.capacity + " headsets of session " + s.id + " are taken")));
    }

    private static Uni<VrEnrolment> insert(VrSession s, CareProfile profile, Actor actor, List<Condition> clash,
            String overrideReason, OffsetDateTime now) {
        VrEnrolment e = new VrEnrolment();
        e.id = UUID.randomUUID();
        e.sessionId = s.id;
        e.residentId = profile.residentId;
        e.startsAt = s.startsAt;
        e.endsAt = s.endsAt;
        e.enrolledBy = actor.name();
        e.enrolledAt = now;
        if (overrideReason != null && !clash.isEmpty()) {
            e.overrideBy = actor.name();
            e.overrideReason = overrideReason.strip();
            e.overriddenConditions = clash.stream().map(Enum::name).collect(Collectors.joining(","));
        }
        // Flushed here, so that the exclusion constraint answers now and not at commit.
        return e.persistAndFlush();
    }

    /** Frees the seat; only before the session starts (afterwards, record a NO_SHOW). */
    public Uni<Void> withdraw(UUID sessionId, UUID residentId) {
        OffsetDateTime now = now();
        return Panache.withTransaction(() -> findSession(sessionId).chain(s -> {
            if (!s.startsAt.isAfter(now)) {
                return Uni.createFrom().failure(new Conflict("session-started",
                        "Session " + sessionId + " has started; record attendance instead"));
            }
            return enrolment(sessionId, residentId).chain(e -> e.delete())
                    .chain(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                            "update vr_session set enrolled = enrolled - 1 where id = ?1").setParameter(1, sessionId)
                            .executeUpdate()))
                    .replaceWithVoid();
        }));
    }

    public Uni<VrViews.Session> attendance(UUID sessionId, UUID residentId, VrRequests.AttendanceRecord request,
            Actor actor) {
        OffsetDateTime now = now();
        return Panache.withTransaction(() -> findSession(sessionId).chain(s -> {
            if (s.startsAt.isAfter(now)) {
                return Uni.createFrom().failure(new Conflict("session-not-started",
                        "Session " + sessionId + " starts at " + s.startsAt + "; attendance is recorded once it started"));
            }
            long length = Duration.between(s.startsAt, s.endsAt).toMinutes();
            if (request.attendance() == VrEnrolment.Attendance.ATTENDED) {
                if (request.minutesDone() == null) {
                    return Uni.createFrom().failure(new Invalid("minutesDone", "is required for ATTENDED"));
                }
                if (request.minutesDone() > length) {
                    return Uni.createFrom().failure(new Invalid("minutesDone",
                            "must be at most the session's " + length + " minutes"));
                }
            } else if (request.minutesDone() != null || request.score() != null || Boolean.TRUE.equals(request.completed())) {
                return Uni.createFrom().failure(new Invalid("attendance",
                        "a NO_SHOW has no minutes, completion or score"));
            }
            return enrolment(sessionId, residentId).chain(e -> {
                e.attendance = request.attendance();
                boolean attended = request.attendance() == VrEnrolment.Attendance.ATTENDED;
                e.minutesDone = attended ? request.minutesDone() : 0;
                e.completed = attended ? Boolean.TRUE.equals(request.completed()) : Boolean.FALSE;
                e.score = attended ? request.score() : null;
                e.recordedBy = actor.name();
                e.recordedAt = now;
                return e.persist();
            });
        }).chain(() -> detail(sessionId)));
    }

    /** Inside a session: a resident's enrolments, newest first, with their sessions' programmes. */
    public Uni<List<ResidentVr>> ofResident(UUID residentId, int limit) {
        return VrEnrolment.<VrEnrolment> find("residentId", Sort.descending("startsAt"), residentId).page(0, limit).list()
                .chain(list -> VrSession.<VrSession> list("id in ?1", list.stream().map(e -> e.sessionId).toList().isEmpty()
                        ? List.of(UUID.randomUUID()) : list.stream().map(e -> e.sessionId).toList())
                        .chain(sessions -> VrProgramme.<VrProgramme> listAll().map(programmes -> {
                            Map<UUID, VrSession> sessionById = sessions.stream().collect(Collectors.toMap(s -> s.id, s -> s));
                            Map<UUID, VrProgramme> programmeById = programmes.stream()
                                    .collect(Collectors.toMap(p -> p.id, p -> p));
                            return list.stream().map(e -> {
                                VrProgramme p = programmeById.get(sessionById.get(e.sessionId).programmeId);
                                return new ResidentVr(e.sessionId, p.code, p.name, p.kind, e.startsAt, e.endsAt,
                                        e.attendance, e.minutesDone, e.completed, e.score);
                            }).toList();
                        })));
    }

    /** One of a resident's VR sessions, for the console's summary. */
    public record ResidentVr(UUID sessionId, String programmeCode, String programmeName, VrProgramme.Kind kind,
            OffsetDateTime startsAt, OffsetDateTime endsAt, VrEnrolment.Attendance attendance, Integer minutesDone,
            Boolean completed, Integer score) {
    }

    /** The participants with their names and the heart rate their bands sent during the session. */
    private Uni<List<VrViews.Participant>> participants(VrSession s) {
        return VrEnrolment.<VrEnrolment> list("sessionId", Sort.by("enrolledAt").and("id"), s.id)
                .chain(enrolments -> heartRates(s).chain(heart -> CareProfile.<CareProfile> list("residentId in ?1",
                        enrolments.isEmpty() ? List.of(UUID.randomUUID()) : enrolments.stream().map(e -> e.residentId).toList())
                        .map(profiles -> {
                            Map<UUID, String> names = new HashMap<>();
                            profiles.forEach(p -> names.put(p.residentId, p.name));
                            return enrolments.stream().map(e -> new VrViews.Participant(e.residentId,
                                    names.get(e.residentId), e.id, e.enrolledAt, e.enrolledBy,
                                    e.overrideBy == null ? null : new VrViews.Override(e.overrideBy, e.overrideReason,
                                            List.of(e.overriddenConditions.split(","))),
                                    e.attendance, e.minutesDone, e.completed, e.score, e.recordedBy,
                                    heart.getOrDefault(e.residentId, new VrViews.HeartRate(0, null, null, null))))
                                    .toList();
                        })));
    }

    private static Uni<Map<UUID, VrViews.HeartRate>> heartRates(VrSession s) {
        return Panache.getSession().chain(session -> session.createSelectionQuery("""
                select e.residentId, count(r.value), min(r.value), max(r.value), avg(r.value)
                from VrEnrolment e
                join Reading r on r.residentId = e.residentId and r.type = ?2
                              and r.measuredAt >= e.startsAt and r.measuredAt <= e.endsAt
                where e.sessionId = ?1
                group by e.residentId""", Object[].class).setParameter(1, s.id).setParameter(2, ReadingType.HEART_RATE)
                .getResultList())
                .map(rows -> {
                    Map<UUID, VrViews.HeartRate> byResident = new HashMap<>();
                    for (Object[] row : rows) {
                        byResident.put((UUID) row[0], new VrViews.HeartRate(
                                ((Number) row[1]).longValue(), ((Number) row[2]).doubleValue(),
                                ((Number) row[3]).doubleValue(),
                                Math.round(((Number) row[4]).doubleValue() * 10) / 10.0));
                    }
                    return byResident;
                });
    }

    private static Uni<VrSession> findSession(UUID id) {
        return VrSession.<VrSession> findById(id).onItem().ifNull().failWith(() -> new NotFound("VR session", id));
    }

    private static Uni<VrProgramme> programme(UUID id, String field) {
        return VrProgramme.<VrProgramme> findById(id).onItem().ifNull()
                .failWith(() -> new Invalid(field, "no VR programme " + id));
    }

    private static Uni<VrEnrolment> enrolment(UUID sessionId, UUID residentId) {
        return VrEnrolment.<VrEnrolment> find("sessionId = ?1 and residentId = ?2", sessionId, residentId).firstResult()
                .onItem().ifNull().failWith(() -> new NotFound("Enrolment of resident " + residentId + " in session",
                        sessionId));
    }

    /** The database refused an overlapping enrolment (exclusion constraint vr_enrolment_no_overlap). */
    static boolean isOverlap(Throwable failure) {
        return Constraints.refusedBy(failure, "vr_enrolment_no_overlap", "23P01");
    }

    /** The database refused a second session in a room at an overlapping time (vr_session_room_free). */
    static boolean isRoomTaken(Throwable failure) {
        return Constraints.refusedBy(failure, "vr_session_room_free");
    }

    private static OffsetDateTime utc(OffsetDateTime time) {
        return time.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
