package org.smarttown.commons.outbox;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * Adds one event per item of {@code data}, all of one type, with a single statement: for bulk
     * work (an import batch), where a statement per event would dominate. The events keep the
     * list's order. Call it inside a transaction, as {@link #publish}.
     *
     * @return the events' ids, in the list's order
     */
    public Uni<List<UUID>> publishAll(String address, String type, int version, List<?> data) {
        if (data.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<UUID> ids = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder("insert into outbox_message (event_id, address, event_type, payload) values ");
        for (Object item : data) {
            EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), type, version, now, mapper.valueToTree(item));
            try {
                parameters.addAll(List.of(envelope.eventId(), address, type, mapper.writeValueAsString(envelope)));
            } catch (JsonProcessingException e) {
                return Uni.createFrom().failure(new IllegalArgumentException("Event " + type + " cannot be serialised", e));
            }
            int n = parameters.size() - 3;
            sql.append(ids.isEmpty() ? "" : ", ").append("(?").append(n).append(", ?").append(n + 1).append(", ?")
                    .append(n + 2).append(", cast(cast(?").append(n + 3).append(" as text) as jsonb))");
            ids.add(envelope.eventId());
        }
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql.toString());
            for (int i = 0; i < parameters.size(); i++) {
                query.setParameter(i + 1, parameters.get(i));
            }
            return query.executeUpdate();
        }).replaceWith(ids);
    }
}
