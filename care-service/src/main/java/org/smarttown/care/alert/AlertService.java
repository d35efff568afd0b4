package org.smarttown.care.alert;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.smarttown.care.common.Actor;
import org.smarttown.care.config.CareConfig;
import org.smarttown.care.profile.CareProfile;
import org.smarttown.care.profile.EmergencyContact;
import org.smarttown.care.visit.CareVisit;
import org.smarttown.care.visit.VisitService;
import org.smarttown.commons.outbox.Outbox;
import org.smarttown.commons.paging.Page;
import org.smarttown.commons.paging.PageRequest;
import org.smarttown.commons.problem.Conflict;
import org.smarttown.commons.problem.Forbidden;
import org.smarttown.commons.problem.NotFound;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** Alerts and their state machine; every change is a step, and the events go through the outbox. */
@ApplicationScoped
public class AlertService {

    static final String SYSTEM = "system";
    private static final ExplanationConverter EXPLANATIONS = new ExplanationConverter();

    private final CareConfig config;
    private final Outbox outbox;
    private final AlertFeed feed;
    private final MeterRegistry meters;
    private final VisitService visits;

    public AlertService(CareConfig config, Outbox outbox, AlertFeed feed, MeterRegistry meters, VisitService visits) {
        this.config = config;
        this.outbox = outbox;
        this.feed = feed;
        this.meters = meters;
        this.visits = visits;
    }

    /**
     * Inside the caller's transaction: a new alert, or a repeat grouped into the open alert of the
     * same resident and kind (counted when {@code countRepeat}; raised to a higher level when the
     * finding is worse). Returns the alert when it changed, else null.
     */
    public Uni<AlertView> raise(Detected found, boolean countRepeat) {
        OffsetDateTime now = now();
        return openAlert(found).chain(open -> open != null ? group(open, found, countRepeat, now)
                : create(found, now).chain(created -> created != null ? Uni.createFrom().item(created)
                        // Another transaction opened the same alert first: group into it.
                        : openAlert(found).chain(winner -> group(winner, found, countRepeat, now))));
    }

    /**
     * The open alert of the finding's resident and kind, locked until this transaction ends, so that
     * concurrent repeats are counted one after the other instead of overwriting each other.
     */
    private static Uni<Alert> openAlert(Detected found) {
        return Alert.<Alert> find("residentId = ?1 and kind = ?2 and status in " + AlertStatus.OPEN_LITERALS,
                found.residentId(), found.kind()).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    private Uni<AlertView> group(Alert open, Detected found, boolean countRepeat, OffsetDateTime now) {
        boolean worse = found.level().above(open.level);
        if (!worse && !countRepeat) {
            return Uni.createFrom().nullItem();
        }
        open.occurrences++;
        open.lastSeenAt = found.at();
        open.updatedAt = now;
        open.explanation = found.explanation();
        if (!worse) {
            return open.persist().map(ignored -> AlertView.of(open));
        }
        open.level = found.level();
        if (open.level == AlertLevel.CRITICAL && open.status == AlertStatus.RAISED) {
            open.escalateAt = now.plus(config.alerts().escalateAfter());
        }
        return open.persist()
                .chain(() -> AlertStep.of(open, "LEVEL_RAISED", SYSTEM, found.explanation().summary()).persist())
                .map(ignored -> AlertView.of(open));
    }

    /**
     * Opens a new alert, unless a concurrent transaction opened one for the same resident and kind
     * first: the insert skips on the one-open-alert index (waiting for that transaction to end)
     * and the answer is null, instead of a constraint violation that would fail the whole batch.
     */
    private Uni<AlertView> create(Detected found, OffsetDateTime now) {
        UUID id = UUID.randomUUID();
        AlertLevel level = found.level();
        OffsetDateTime escalateAt = level == AlertLevel.CRITICAL ? now.plus(config.alerts().escalateAfter()) : null;
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                insert into alert (id, resident_id, kind, level, status, device_serial, explanation, occurrences,
                                   raised_at, last_seen_at, updated_at, escalate_at, version)
                values (?1, ?2, ?3, ?4, 'RAISED', ?5, ?6, 1, ?7, ?8, ?7, ?9, 0)
                on conflict (resident_id, kind) where status in ('RAISED', 'ESCALATED', 'ACKNOWLEDGED', 'DISPATCHED')
                do nothing""")
                .setParameter(1, id).setParameter(2, found.residentId()).setParameter(3, found.kind().name())
                .setParameter(4, level.name()).setParameter(5, found.deviceSerial())
                .setParameter(6, EXPLANATIONS.convertToDatabaseColumn(found.explanation()))
                .setParameter(7, now).setParameter(8, found.at()).setParameter(9, escalateAt)
                .executeUpdate())
                .chain(inserted -> inserted == 0 ? Uni.createFrom().nullItem() : Alert.<Alert> findById(id)
                        .call(alert -> AlertStep.of(alert, "RAISED", SYSTEM, found.explanation().summary()).persist())
                        .call(alert -> outbox.publish(AlertEvents.ADDRESS, AlertEvents.AlertRaised.TYPE, 1,
                                new AlertEvents.AlertRaised(alert.id, alert.residentId, alert.kind, alert.level,
                                        alert.raisedAt)))
                        .map(AlertView::of));
    }

    public Uni<AlertView> acknowledge(UUID id, Actor actor, String note) {
        return change(id, alert -> {
            if (alert.status != AlertStatus.RAISED && alert.status != AlertStatus.ESCALATED) {
                throw notNow(alert, "acknowledged");
            }
            alert.status = AlertStatus.ACKNOWLEDGED;
            alert.acknowledgedAt = alert.updatedAt;
            alert.acknowledgedBy = actor.name();
            // Acknowledging stops escalation.
            alert.escalateAt = null;
            timer("care.alert.time.to.acknowledge", alert, null).record(Duration.between(alert.raisedAt, alert.acknowledgedAt));
            return AlertStep.of(alert, "ACKNOWLEDGED", actor.name(), note).persist().replaceWithVoid();
        });
    }

    public Uni<AlertView> dispatch(UUID id, Actor actor, DispatchRequest request) {
        return change(id, alert -> {
            if (alert.status != AlertStatus.ACKNOWLEDGED) {
                throw notNow(alert, "dispatched (acknowledge it first)");
            }
            owner(alert, actor);
            alert.status = AlertStatus.DISPATCHED;
            alert.dispatchedAt = alert.updatedAt;
            alert.dispatchMethod = request.method().name();
            Uni<Void> step = AlertStep.of(alert, "DISPATCHED_" + request.method().name(), actor.name(), request.note())
                    .persist().replaceWithVoid();
            if (request.method() != DispatchRequest.Method.VISIT) {
                return step;
            }
            // A visit sent for an alert is a planned visit like any other: it can be done, or be overdue.
            return step.chain(() -> visits.plan(alert.residentId, CareVisit.Origin.ALERT, alert.id,
                    "Visit for " + alert.kind + " alert: " + alert.explanation.summary(), actor.name(),
                    alert.dispatchedAt.plus(config.visits().alertVisitWithin()), actor.name())).replaceWithVoid();
        });
    }

    public Uni<AlertView> resolve(UUID id, Actor actor, ResolveRequest request) {
        return change(id, alert -> {
            if (alert.status != AlertStatus.ACKNOWLEDGED && alert.status != AlertStatus.DISPATCHED) {
                throw notNow(alert, "closed (acknowledge it first)");
            }
            owner(alert, actor);
            boolean falseAlarm = request.resolution().falseAlarm;
            alert.status = falseAlarm ? AlertStatus.FALSE_ALARM : AlertStatus.RESOLVED;
            alert.resolution = request.resolution();
            alert.closedAt = alert.updatedAt;
            timer("care.alert.time.to.resolve", alert, falseAlarm).record(Duration.between(alert.raisedAt, alert.closedAt));
            return AlertStep.of(alert, alert.status.name(), actor.name(), request.note()).persist()
                    .chain(() -> outbox.publish(AlertEvents.ADDRESS, AlertEvents.AlertResolved.TYPE, 1,
                            new AlertEvents.AlertResolved(alert.id, alert.residentId, alert.kind, alert.level,
                                    alert.resolution, falseAlarm, alert.closedAt)))
                    .replaceWithVoid();
        });
    }

    /**
     * Escalates every RAISED alert whose stored deadline has passed: supervisors see it as
     * ESCALATED, and the emergency contacts are queued (the AlertEscalated event) in order.
     */
    @WithTransaction
    public Uni<List<AlertView>> escalateDue() {
        OffsetDateTime now = now();
        return Alert.<Alert> list("status = ?1 and escalateAt <= ?2", Sort.by("escalateAt"), AlertStatus.RAISED, now)
                .chain(due -> {
                    List<AlertView> changed = new ArrayList<>();
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (Alert alert : due) {
                        chain = chain.chain(() -> escalate(alert, now)).invoke(changed::add).replaceWithVoid();
                    }
                    return chain.map(ignored -> changed);
                });
    }

    private Uni<AlertView> escalate(Alert alert, OffsetDateTime now) {
        return CareProfile.<CareProfile> findById(alert.residentId).chain(profile -> {
            List<EmergencyContact> contacts = profile == null ? List.of() : profile.emergencyContacts;
            alert.status = AlertStatus.ESCALATED;
            alert.escalatedAt = now;
            alert.escalateAt = null;
            alert.updatedAt = now;
            String note = "not acknowledged within " + config.alerts().escalateAfter().toSeconds()
                    + " s; supervisors alerted, " + contacts.size() + " emergency contact(s) queued";
            return alert.persist()
                    .chain(() -> AlertStep.of(alert, "ESCALATED", SYSTEM, note).persist())
                    .chain(() -> outbox.publish(AlertEvents.ADDRESS, AlertEvents.AlertEscalated.TYPE, 1,
                            new AlertEvents.AlertEscalated(alert.id, alert.residentId, alert.kind, alert.level,
                                    alert.escalatedAt, contacts)))
                    .map(ignored -> AlertView.of(alert));
        });
    }

    private Uni<AlertView> change(UUID id, java.util.function.Function<Alert, Uni<Void>> transition) {
        return changeInTransaction(id, transition).invoke(view -> feed.publish(List.of(view)));
    }

    private Uni<AlertView> changeInTransaction(UUID id, java.util.function.Function<Alert, Uni<Void>> transition) {
        return Panache.withTransaction(() -> find(id).chain(alert -> {
            alert.updatedAt = now();
            return transition.apply(alert).chain(() -> steps(alert.id)).map(steps -> AlertView.of(alert, steps));
        }));
    }

    /** Once someone took an alert, only they or a supervisor carry it further. */
    private static void owner(Alert alert, Actor actor) {
        if (!actor.supervisor() && alert.acknowledgedBy != null && !alert.acknowledgedBy.equals(actor.name())) {
            throw new Forbidden("Alert " + alert.id + " was taken by " + alert.acknowledgedBy
                    + "; only they or a supervisor can carry it further");
        }
    }

    private static Conflict notNow(Alert alert, String what) {
        return new Conflict("alert-state", "Alert " + alert.id + " is " + alert.status + " and cannot be " + what);
    }

    private Timer timer(String name, Alert alert, Boolean falseAlarm) {
        Timer.Builder builder = Timer.builder(name).tag("level", alert.level.name()).tag("kind", alert.kind.name());
        if (falseAlarm != null) {
            builder.tag("falseAlarm", falseAlarm.toString());
        }
        return builder.register(meters);
    }

    @WithSession
    public Uni<AlertView> get(UUID id) {
        return find(id).chain(alert -> steps(id).map(steps -> AlertView.of(alert, steps)));
    }

    @WithSession
    public Uni<Page<AlertView>> list(AlertStatus status, AlertLevel level, AlertKind kind, UUID residentId,
            PageRequest page) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (status != null) {
            where.add("status = :status");
            params.and("status", status);
        }
        if (level != null) {
            where.add("level = :level");
            params.and("level", level);
        }
        if (kind != null) {
            where.add("kind = :kind");
            params.and("kind", kind);
        }
        if (residentId != null) {
            where.add("residentId = :resident");
            params.and("resident", residentId);
        }
        return Page.of(Alert.<Alert> find(String.join(" and ", where), Sort.descending("raisedAt").and("id"), params), page,
                AlertView::of);
    }

    @WithSession
    public Uni<AlertStats> stats(OffsetDateTime from, OffsetDateTime to) {
        return Panache.getSession().chain(session -> session.createSelectionQuery("""
                select level, count(*), count(acknowledgedAt),
                       avg(extract(epoch from acknowledgedAt) - extract(epoch from raisedAt)),
                       count(closedAt), avg(extract(epoch from closedAt) - extract(epoch from raisedAt)),
                       count(*) filter (where status = ?3)
                from Alert where raisedAt >= ?1 and raisedAt < ?2 group by level order by level""", Object[].class)
                .setParameter(1, from).setParameter(2, to).setParameter(3, AlertStatus.FALSE_ALARM).getResultList())
                .map(rows -> new AlertStats(from, to, rows.stream().map(row -> {
                    long closed = ((Number) row[4]).longValue();
                    long falseAlarms = ((Number) row[6]).longValue();
                    return new AlertStats.ByLevel((AlertLevel) row[0], ((Number) row[1]).longValue(),
                            ((Number) row[2]).longValue(), row[3] == null ? null : ((Number) row[3]).doubleValue(),
                            closed, row[5] == null ? null : ((Number) row[5]).doubleValue(), falseAlarms,
                            closed == 0 ? null : (double) falseAlarms / closed);
                }).toList()));
    }

    /** Inside a session: a resident's open alerts, newest first (for the console's summary). */
    public Uni<List<AlertView>> openFor(UUID residentId) {
        return Alert.<Alert> list("residentId = ?1 and status in " + AlertStatus.OPEN_LITERALS,
                Sort.descending("raisedAt").and("id"), residentId).map(list -> list.stream().map(AlertView::of).toList());
    }

    private Uni<List<AlertStep>> steps(UUID alertId) {
        return AlertStep.list("alertId = ?1", Sort.by("id"), alertId);
    }

    private static Uni<Alert> find(UUID id) {
        return Alert.<Alert> findById(id).onItem().ifNull().failWith(() -> new NotFound("Alert", id));
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
