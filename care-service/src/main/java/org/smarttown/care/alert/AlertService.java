package org.smarttown.care.alert;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.smarttown.care.config.CareConfig;
import org.smarttown.care.profile.CareProfile;
import org.smarttown.care.profile.EmergencyContact;
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

    private final CareConfig config;
    private final Outbox outbox;
    private final AlertFeed feed;
    private final MeterRegistry meters;

    public AlertService(CareConfig config, Outbox outbox, AlertFeed feed, MeterRegistry meters) {
        this.config = config;
        this.outbox = outbox;
        this.feed = feed;
        this.meters = meters;
    }

    /** Who is acting, as the resource knows them. */
    public record Actor(String name, boolean supervisor) {
    }

    /**
     * Inside the caller's transaction: a new alert, or a repeat grouped into the open alert of the
     * same resident and kind (counted when {@code countRepeat}; raised to a higher level when the
     * finding is worse). Returns the alert when it changed, else null.
     */
    public Uni<AlertView> raise(Detected found, boolean countRepeat) {
        OffsetDateTime now = now();
        return Alert.<Alert> find("residentId = ?1 and kind = ?2 and status in ?3", found.residentId(), found.kind(),
                AlertStatus.OPEN).firstResult().chain(open -> {
                    if (open == null) {
                        return create(found, now);
                    }
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
                });
    }

    private Uni<AlertView> create(Detected found, OffsetDateTime now) {
        Alert alert = new Alert();
        alert.id = UUID.randomUUID();
        alert.residentId = found.residentId();
        alert.kind = found.kind();
        alert.level = found.level();
        alert.status = AlertStatus.RAISED;
        alert.deviceSerial = found.deviceSerial();
        alert.explanation = found.explanation();
        alert.occurrences = 1;
        alert.raisedAt = now;
        alert.lastSeenAt = found.at();
        alert.updatedAt = now;
        if (alert.level == AlertLevel.CRITICAL) {
            alert.escalateAt = now.plus(config.alerts().escalateAfter());
        }
        return alert.persist()
                .chain(() -> AlertStep.of(alert, "RAISED", SYSTEM, found.explanation().summary()).persist())
                .chain(() -> outbox.publish(AlertEvents.ADDRESS, AlertEvents.AlertRaised.TYPE, 1,
                        new AlertEvents.AlertRaised(alert.id, alert.residentId, alert.kind, alert.level, alert.raisedAt)))
                .map(ignored -> AlertView.of(alert));
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
            return AlertStep.of(alert, "DISPATCHED_" + request.method().name(), actor.name(), request.note()).persist()
                    .replaceWithVoid();
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
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                select level, count(*), count(acknowledged_at),
                       avg(extract(epoch from acknowledged_at - raised_at)),
                       count(closed_at), avg(extract(epoch from closed_at - raised_at)),
                       count(*) filter (where status = 'FALSE_ALARM')
                from alert where raised_at >= ?1 and raised_at < ?2 group by level order by level""", Object[].class)
                .setParameter(1, from).setParameter(2, to).getResultList())
                .map(rows -> new AlertStats(from, to, rows.stream().map(row -> {
                    long closed = ((Number) row[4]).longValue();
                    long falseAlarms = ((Number) row[6]).longValue();
                    return new AlertStats.ByLevel(AlertLevel.valueOf((String) row[0]), ((Number) row[1]).longValue(),
                            ((Number) row[2]).longValue(), row[3] == null ? null : ((Number) row[3]).doubleValue(),
                            closed, row[5] == null ? null : ((Number) row[5]).doubleValue(), falseAlarms,
                            closed == 0 ? null : (double) falseAlarms / closed);
                }).toList()));
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
