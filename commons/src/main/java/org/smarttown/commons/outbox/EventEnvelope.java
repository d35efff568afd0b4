package org.smarttown.commons.outbox;

import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What travels on the broker: the event's identity and kind around its data. Consumers read
 * {@code data} into their own trimmed copy of the event; they never share the producer's classes.
 */
public record EventEnvelope(UUID eventId, String type, int version, OffsetDateTime occurredAt, JsonNode data) {
}
