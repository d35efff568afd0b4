package org.smarttown.resident.risk;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.smarttown.commons.testing.Contracts;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.amqp.OutgoingAmqpMetadata;
import io.vertx.core.buffer.Buffer;

/** Publishes care events onto the real broker the way care-service's outbox does, from the contract samples. */
@ApplicationScoped
public class CareEvents {

    @Channel("test-care")
    MutinyEmitter<Buffer> emitter;

    /** A sample event with a fresh event id, about the given resident and alert. */
    public static ObjectNode event(String sample, String residentId, UUID alertId) {
        ObjectNode event = (ObjectNode) Contracts.sample(sample).deepCopy();
        event.put("eventId", UUID.randomUUID().toString());
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("residentId", residentId);
        if (alertId != null) {
            data.put("alertId", alertId.toString());
        }
        return event;
    }

    public void send(ObjectNode event) {
        emitter.sendMessage(Message.of(Buffer.buffer(event.toString())).addMetadata(OutgoingAmqpMetadata.builder()
                .withContentType("application/json").withDurable(true).build())).await().indefinitely();
    }
}
