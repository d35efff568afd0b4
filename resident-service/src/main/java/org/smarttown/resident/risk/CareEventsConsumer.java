package org.smarttown.resident.risk;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.smarttown.commons.messaging.IdempotentConsumer;
import org.smarttown.commons.outbox.EventEnvelope;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

/**
 * Turns care-service's events into risk signals, each applied once (queue
 * {@code care.events::resident-service.care}). Our own trimmed copies of its events live here;
 * the samples are in src/test/resources/contracts.
 */
@ApplicationScoped
public class CareEventsConsumer {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record AlertRaised(UUID alertId, UUID residentId, String kind, String level, OffsetDateTime raisedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record AlertResolved(UUID alertId, UUID residentId, String kind, String level, boolean falseAlarm,
            OffsetDateTime resolvedAt) {
    }

    /** Band and flags only: care-service never sends the answers or the total. No band: an incomplete form. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ScreeningCompleted(UUID screeningId, UUID residentId, String instrument, String band, boolean followUp,
            List<String> flags, OffsetDateTime completedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record VisitOverdue(UUID visitId, UUID residentId, String origin, OffsetDateTime dueAt, OffsetDateTime overdueAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record VisitClosed(UUID visitId, UUID residentId, String status, OffsetDateTime closedAt) {
    }

    private final IdempotentConsumer consumer;
    private final RiskService risk;
    private final ObjectMapper mapper;

    public CareEventsConsumer(IdempotentConsumer consumer, RiskService risk, ObjectMapper mapper) {
        this.consumer = consumer;
        this.risk = risk;
        this.mapper = mapper;
    }

    @Incoming("care")
    public Uni<Void> onCareEvent(Message<Object> message) {
        return consumer.consume(message, "resident-risk", this::apply);
    }

    private Uni<?> apply(EventEnvelope event) {
        return switch (event.type()) {
            case "AlertRaised" -> raised(mapper.convertValue(event.data(), AlertRaised.class));
            case "AlertResolved" -> resolved(mapper.convertValue(event.data(), AlertResolved.class));
            case "ScreeningCompleted" -> screened(mapper.convertValue(event.data(), ScreeningCompleted.class));
            case "VisitOverdue" -> overdue(mapper.convertValue(event.data(), VisitOverdue.class));
            case "VisitClosed" -> closed(mapper.convertValue(event.data(), VisitClosed.class));
            // Other care events (escalations, devices, ...) carry no new risk signal.
            default -> Uni.createFrom().voidItem();
        };
    }

    private Uni<Void> raised(AlertRaised e) {
        return CareAlert.<CareAlert> findById(e.alertId()).chain(existing -> {
            // A resolution may overtake its raise on the broker; then the alert stays resolved.
            CareAlert alert = existing != null ? existing : new CareAlert();
            alert.alertId = e.alertId();
            alert.residentId = e.residentId();
            alert.kind = e.kind();
            alert.level = e.level();
            alert.raisedAt = e.raisedAt();
            return (existing != null ? Uni.createFrom().item(alert) : alert.persist()).chain(() -> risk.refresh(e.residentId()));
        });
    }

    private Uni<Void> resolved(AlertResolved e) {
        return CareAlert.<CareAlert> findById(e.alertId()).chain(existing -> {
            CareAlert alert = existing != null ? existing : new CareAlert();
            alert.alertId = e.alertId();
            alert.residentId = e.residentId();
            alert.kind = e.kind();
            alert.level = e.level();
            alert.resolvedAt = e.resolvedAt() != null ? e.resolvedAt() : OffsetDateTime.now();
            alert.falseAlarm = e.falseAlarm();
            return (existing != null ? Uni.createFrom().item(alert) : alert.persist()).chain(() -> risk.refresh(e.residentId()));
        });
    }

    private Uni<Void> screened(ScreeningCompleted e) {
        if (e.band() == null) {
            return Uni.createFrom().voidItem(); // an incomplete form has no band: the last band stands
        }
        return CareScreening.<CareScreening> findById(new CareScreening.Key(e.residentId(), e.instrument())).chain(existing -> {
            if (existing != null && existing.completedAt.isAfter(e.completedAt())) {
                return Uni.createFrom().voidItem(); // an older screening arriving late changes nothing
            }
            CareScreening s = existing != null ? existing : new CareScreening();
            s.residentId = e.residentId();
            s.instrument = e.instrument();
            s.band = e.band();
            s.total = null;
            s.followUp = e.followUp();
            s.completedAt = e.completedAt();
            return (existing != null ? Uni.createFrom().item(s) : s.persist()).chain(() -> risk.refresh(e.residentId()));
        });
    }

    private Uni<Void> overdue(VisitOverdue e) {
        return CareOverdueVisit.<CareOverdueVisit> findById(e.visitId()).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().voidItem(); // already known (or closed before this arrived)
            }
            CareOverdueVisit v = new CareOverdueVisit();
            v.visitId = e.visitId();
            v.residentId = e.residentId();
            v.origin = e.origin();
            v.dueAt = e.dueAt();
            v.overdueAt = e.overdueAt();
            return v.persist().chain(() -> risk.refresh(e.residentId()));
        });
    }

    private Uni<Void> closed(VisitClosed e) {
        return CareOverdueVisit.<CareOverdueVisit> findById(e.visitId()).chain(existing -> {
            // A closure may overtake its overdue event on the broker; keep it so the late one changes nothing.
            CareOverdueVisit v = existing != null ? existing : new CareOverdueVisit();
            v.visitId = e.visitId();
            v.residentId = e.residentId();
            v.closedAt = e.closedAt() != null ? e.closedAt() : OffsetDateTime.now();
            return (existing != null ? Uni.createFrom().item(v) : v.persist()).chain(() -> risk.refresh(e.residentId()));
        });
    }
}
