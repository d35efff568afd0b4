package org.smarttown.care;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/** Reads what this service publishes to care.events, through the real broker. */
@ApplicationScoped
public class EventProbe {

    private final List<JsonObject> received = new CopyOnWriteArrayList<>();

    @Incoming("probe")
    CompletionStage<Void> receive(Message<Object> message) {
        Object payload = message.getPayload();
        received.add(payload instanceof JsonObject json ? json
                : payload instanceof byte[] bytes ? new JsonObject(new String(bytes, StandardCharsets.UTF_8))
                : payload instanceof Buffer buffer ? buffer.toJsonObject()
                : new JsonObject(payload.toString()));
        return message.ack();
    }

    /** Events of one type about one resident, in the order received. */
    public List<JsonObject> about(UUID residentId, String type) {
        return received.stream()
                .filter(event -> type.equals(event.getString("type"))
                        && residentId.toString().equals(event.getJsonObject("data").getString("residentId")))
                .toList();
    }
}
