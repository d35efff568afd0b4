package org.smarttown.commons.messaging;

import java.nio.charset.StandardCharsets;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.smarttown.commons.outbox.EventEnvelope;
import org.smarttown.commons.reactive.SafeContext;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Applies an incoming event at most once per consumer. The event id is recorded in
 * {@code processed_event} in the same transaction as the handler's changes: a redelivery finds it
 * and changes nothing, and a failed handler rolls both back so the broker redelivers.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);

    private final ObjectMapper mapper;
    private final Vertx vertx;

    public IdempotentConsumer(ObjectMapper mapper, Vertx vertx) {
        this.mapper = mapper;
        this.vertx = vertx;
    }

    /**
     * Handles one broker message: parses the envelope, runs the handler once in a transaction,
     * then acknowledges; a failure is negatively acknowledged so the broker redelivers it.
     *
     * @param consumer a name unique within the service, e.g. "care-profile"
     * @param handler  the change to apply; return a {@code Uni} that completes inside the transaction
     */
    public Uni<Void> consume(Message<?> message, String consumer, Function<EventEnvelope, Uni<?>> handler) {
        EventEnvelope event;
        try {
            event = parse(message.getPayload());
        } catch (RuntimeException e) {
            LOG.errorf("%s received an unreadable event; it goes back to the broker: %s", consumer, e.getMessage());
            return Uni.createFrom().completionStage(message.nack(e));
        }
        return SafeContext.run(vertx, () -> Panache.withTransaction(() -> applyOnce(consumer, event, handler)))
                .onItem().transformToUni(applied -> {
                    if (!applied) {
                        LOG.debugf("%s skipped event %s: already applied", consumer, event.eventId());
                    }
                    return Uni.createFrom().completionStage(message.ack());
                })
                .onFailure().recoverWithUni(failure -> {
                    LOG.warnf("%s could not apply event %s (%s): %s", consumer, event.eventId(), event.type(),
                            failure.getMessage());
                    return Uni.createFrom().completionStage(message.nack(failure));
                });
    }

    /** Inside a transaction: records the event id and runs the handler, unless it was seen before. */
    public Uni<Boolean> applyOnce(String consumer, EventEnvelope event, Function<EventEnvelope, Uni<?>> handler) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                        "insert into processed_event (consumer, event_id) values (?1, ?2) on conflict do nothing")
                        .setParameter(1, consumer)
                        .setParameter(2, event.eventId())
                        .executeUpdate())
                .chain(inserted -> inserted == 1
                        ? handler.apply(event).replaceWith(Boolean.TRUE)
                        : Uni.createFrom().item(Boolean.FALSE));
    }

    EventEnvelope parse(Object payload) {
        String json;
        if (payload instanceof JsonObject object) {
            json = object.encode();
        } else if (payload instanceof JsonArray) {
            throw new IllegalArgumentException("an event must be a JSON object");
        } else if (payload instanceof Buffer buffer) {
            json = buffer.toString(StandardCharsets.UTF_8);
        } else if (payload instanceof byte[] bytes) {
            json = new String(bytes, StandardCharsets.UTF_8);
        } else if (payload instanceof String text) {
            json = text;
        } else {
            throw new IllegalArgumentException("unsupported payload " + (payload == null ? "null" : payload.getClass()));
        }
        try {
            EventEnvelope event = mapper.readValue(json, EventEnvelope.class);
            if (event.eventId() == null || event.type() == null || event.data() == null) {
                throw new IllegalArgumentException("an event needs eventId, type and data");
            }
            return event;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not an event envelope: " + e.getOriginalMessage(), e);
        }
    }
}
