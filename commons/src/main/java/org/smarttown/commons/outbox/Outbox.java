package org.smarttown.commons.outbox;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Records an event in the service's own database, in the transaction of the change it describes.
 * Either both commit or neither does; {@link OutboxRelay} publishes it once committed.
 */
@ApplicationScoped
public class Outbox {

    private final ObjectMapper mapper;

    public Outbox(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * Adds an event to the current transaction. Call it inside {@code Panache.withTransaction}
     * (or a {@code @WithTransaction} method), after the change itself.
     *
     * @return the event's id
     */
    public Uni<UUID> publish(String address, String type, int version, Object data) {
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), type, version,
                OffsetDateTime.now(ZoneOffset.UTC), mapper.valueToTree(data));
        String payload;
        try {
            payload = mapper.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalArgumentException("Event " + type + " cannot be serialised", e));
        }
        // The double cast matters: bound straight to jsonb, the reactive driver stores the text as a JSON string.
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                        "insert into outbox_message (event_id, address, event_type, payload) values (?1, ?2, ?3, cast(cast(?4 as text) as jsonb))")
                        .setParameter(1, envelope.eventId())
                        .setParameter(2, address)
                        .setParameter(3, type)
                        .setParameter(4, payload)
                        .executeUpdate())
                .replaceWith(envelope.eventId());
    }
}
