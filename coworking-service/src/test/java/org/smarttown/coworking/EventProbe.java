package org.smarttown.coworking;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/** Reads what this service publishes to coworking.events, through the real broker. */
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

    /** Every event of this type received so far whose data field has this value. */
    public List<JsonObject> of(String type, String field, String value) {
        return received.stream()
                .filter(event -> type.equals(event.getString("type")))
                .filter(event -> value.equals(String.valueOf(event.getJsonObject("data").getValue(field))))
                .toList();
    }
}
