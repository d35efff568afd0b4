package org.smarttown.care.profile;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.smarttown.commons.testing.Contracts;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.amqp.OutgoingAmqpMetadata;
import io.vertx.core.buffer.Buffer;

/** Publishes resident events onto the real broker the way resident-service's outbox does. */
@ApplicationScoped
public class ResidentEvents {

    @Channel("test-residents")
    MutinyEmitter<Buffer> emitter;

    /** A ResidentRegistered built from the contract sample, with fresh ids. */
    public static ObjectNode registered(UUID residentId, String name, boolean careConsent) {
        return resident("ResidentRegistered.json", residentId, name, careConsent);
    }

    /** A ResidentUpdated built from the contract sample, with fresh ids. */
    public static ObjectNode updated(UUID residentId, String name, boolean careConsent) {
        return resident("ResidentUpdated.json", residentId, name, careConsent);
    }

    public static ObjectNode deactivated(UUID residentId, String status) {
        ObjectNode event = sample("ResidentDeactivated.json", residentId);
        ((ObjectNode) event.get("data")).put("status", status);
        return event;
    }

    public static ObjectNode consent(UUID residentId, String purpose, boolean given) {
        ObjectNode event = sample("ConsentChanged.json", residentId);
        ((ObjectNode) event.get("data")).put("purpose", purpose).put("given", given);
        return event;
    }

    private static ObjectNode resident(String file, UUID residentId, String name, boolean careConsent) {
        ObjectNode event = sample(file, residentId);
        ((ObjectNode) event.get("data")).put("name", name).put("careConsent", careConsent);
        return event;
    }

    private static ObjectNode sample(String file, UUID residentId) {
        ObjectNode event = (ObjectNode) Contracts.sample(file).deepCopy();
        event.put("eventId", UUID.randomUUID().toString());
        ((ObjectNode) event.get("data")).put("residentId", residentId.toString());
        return event;
    }

    public void send(ObjectNode event) {
        send(event.toString());
    }

    public void send(String json) {
        send(json, "application/json");
    }

    /** Sends a body as it is, with whichever content type a broken producer might claim. */
    public void send(String body, String contentType) {
        emitter.sendMessage(Message.of(Buffer.buffer(body)).addMetadata(OutgoingAmqpMetadata.builder()
                .withContentType(contentType).withDurable(true).build())).await().indefinitely();
    }
}
