package org.smarttown.care.visit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.smarttown.care.alert.AlertEvents;
import org.smarttown.care.common.Actor;
import org.smarttown.care.common.OpenProfiles;
import org.smarttown.commons.outbox.Outbox;
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
 * Visits and their rules: planned by hand, from dispatched alerts and from screening follow-ups;
 * done by the assigned worker (or a supervisor); overdue ones found by the scan and published once
 * as VisitOverdue; done or cancelled ones published as VisitClosed.
 */
@ApplicationScoped
public class VisitService {

    private final Outbox outbox;

    public VisitService(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Inside the caller's transaction: a planned visit (for an alert or a screening, or by hand). */
    public Uni<CareVisit> plan(UUID residentId, CareVisit.Origin origin, UUID sourceId, String purpose,
            String assignedTo, OffsetDateTime dueAt, String createdBy) {
        CareVisit visit = new CareVisit();
        visit.id = UUID.randomUUID();
        visit.residentId = residentId;
        visit.status = CareVisit.Status.PLANNED;
        visit.origin = origin;
        visit.sourceId = sourceId;
        visit.purpose = purpose.length() > 200 ? purpose.substring(0, 199) + "…" : purpose;
        visit.assignedTo = assignedTo;
        visit.dueAt = dueAt;
        visit.createdBy = createdBy;
        visit.createdAt = now();
        return visit.persist();
    }

    public Uni<VisitView> create(VisitRequests.NewVisit request, Actor actor) {
        OffsetDateTime now = now();
        if (!request.dueAt().isAfter(now)) {
            throw new Invalid("dueAt", "must be in the future");
        }
        return Panache.withTransaction(() -> OpenProfiles.require(request.residentId())
                .chain(profile -> plan(profile.residentId, CareVisit.Origin.MANUAL, null, request.purpose(),
                        request.assignedTo() != null ? request.assignedTo()
                                : profile.assignedCareWorker != null ? profile.assignedCareWorker : actor.name(),
                        request.dueAt(), actor.name())))
                .map(visit -> VisitView.of(visit, now));
    }

    public Uni<VisitView> complete(UUID id, VisitRequests.Done request, Actor actor) {
        return close(id, actor, visit -> {
            visit.status = CareVisit.Status.DONE;
            visit.outcome = request.outcome();
            visit.notes = request.notes();
        });
    }

    public Uni<VisitView> cancel(UUID id, VisitRequests.Cancel request, Actor actor) {
        return close(id, actor, visit -> {
            visit.status = CareVisit.Status.CANCELLED;
            visit.notes = request.reason();
        });
    }

    private Uni<VisitView> close(UUID id, Actor actor, java.util.function.Consumer<CareVisit> change) {
        // Locked, so that the overdue scan waits for this and then sees the visit closed.
        return Panache.withTransaction(() -> CareVisit.<CareVisit> findById(id, LockModeType.PESSIMISTIC_WRITE)
                .chain(visit -> {
                    if (visit == null) {
                        return Uni.createFrom().failure(new NotFound("Visit", id));
                    }
                    if (visit.status != CareVisit.Status.PLANNED) {
                        return Uni.createFrom().failure(new Conflict("visit-state",
                                "Visit " + id + " is " + visit.status + " already"));
                    }
                    if (!actor.supervisor() && visit.assignedTo != null && !visit.assignedTo.equals(actor.name())) {
                        return Uni.createFrom().failure(new Forbidden("Visit " + id + " is assigned to "
                                + visit.assignedTo + "; only they or a supervisor can close it"));
                    }
                    change.accept(visit);
                    visit.closedAt = now();
                    visit.closedBy = actor.name();
                    return visit.<CareVisit> persist()
                            .call(() -> outbox.publish(AlertEvents.ADDRESS, VisitEvents.VisitClosed.TYPE, 1,
                                    new VisitEvents.VisitClosed(visit.id, visit.residentId, visit.status, visit.outcome,
                                            visit.overdueAt != null, visit.closedAt)));
                }))
                .map(visit -> VisitView.of(visit, now()));
    }

    /**
     * Marks every planned visit past its due time as overdue, once, and publishes VisitOverdue for
     * each. The visits are read under a row lock: a second scanner waits for the first to commit,
     * and PostgreSQL then checks its conditions again on the new row, so it skips those already
     * marked and never publishes one visit twice. Locked in id order, so that two scanners never
     * wait for each other's rows crosswise (a deadlock). (An update ... returning would do it in one
     * statement, but as a native query returning rows it would add a never-reused query plan at
     * every scan; see {@link org.smarttown.commons.db}.)
     */
    public Uni<Integer> markOverdue() {
        OffsetDateTime now = now();
        return Panache.withTransaction(() -> CareVisit.<CareVisit> find(
                "status = ?1 and dueAt < ?2 and overdueAt is null", Sort.by("id"), CareVisit.Status.PLANNED, now)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .chain(due -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (CareVisit visit : due) {
                        // Flushed with the version check, as every change of a visit.
                        visit.overdueAt = now;
                        VisitEvents.VisitOverdue event = new VisitEvents.VisitOverdue(visit.id, visit.residentId,
                                visit.origin, visit.assignedTo, visit.dueAt.withOffsetSameInstant(ZoneOffset.UTC), visit.overdueAt);
                        chain = chain.chain(() -> outbox.publish(AlertEvents.ADDRESS, VisitEvents.VisitOverdue.TYPE, 1,
                                event)).replaceWithVoid();
                    }
                    return chain.map(ignored -> due.size());
                }));
    }

    @WithSession
    public Uni<VisitView> get(UUID id) {
        return CareVisit.<CareVisit> findById(id).map(visit -> {
            if (visit == null) {
                throw new NotFound("Visit", id);
            }
            return VisitView.of(visit, now());
        });
    }

    @WithSession
    public Uni<Page<VisitView>> list(UUID residentId, CareVisit.Status status, String assignedTo, boolean overdueOnly,
            PageRequest page) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        OffsetDateTime now = now();
        if (residentId != null) {
            where.add("residentId = :resident");
            params.and("resident", residentId);
        }
        if (overdueOnly) {
            where.add("status = :planned and dueAt < :now");
            params.and("planned", CareVisit.Status.PLANNED).and("now", now);
        } else if (status != null) {
            where.add("status = :status");
            params.and("status", status);
        }
        if (assignedTo != null) {
            where.add("assignedTo = :assignee");
            params.and("assignee", assignedTo);
        }
        return Page.of(CareVisit.<CareVisit> find(String.join(" and ", where), Sort.by("dueAt").and("id"), params),
                page, visit -> VisitView.of(visit, now));
    }

    /** Inside a session: the resident's next planned visit, or null. */
    public Uni<CareVisit> next(UUID residentId) {
        return CareVisit.<CareVisit> find("residentId = ?1 and status = ?2", Sort.by("dueAt"), residentId,
                CareVisit.Status.PLANNED).firstResult();
    }

    static OffsetDateTime now() {
        // Microseconds, as PostgreSQL stores them, so an answer and a later read agree.
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }
}
