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
        ObjectNode event = (ObjectNode) Contracts.sample("ResidentRegistered.json").deepCopy();
        event.put("eventId", UUID.randomUUID().toString());
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("residentId", residentId.toString());
        data.put("name", name);
        data.put("careConsent", careConsent);
        return event;
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
