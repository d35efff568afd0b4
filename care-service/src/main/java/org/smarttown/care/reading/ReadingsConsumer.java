package org.smarttown.care.reading;

import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.smarttown.commons.reactive.SafeContext;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/**
 * Readings from hubs that publish to the broker instead of calling HTTP: the same batch shape and
 * the same rules. No processed-event record is needed: (deviceSerial, sequence) already makes a
 * redelivered batch store nothing twice. There is no one to answer, so per-reading rejections are
 * logged; a batch that is not a batch goes back to the broker and ends in its dead letters.
 */
@ApplicationScoped
public class ReadingsConsumer {

    private static final Logger LOG = Logger.getLogger(ReadingsConsumer.class);

    private final ReadingService readings;
    private final ObjectMapper mapper;
    private final Vertx vertx;

    public ReadingsConsumer(ReadingService readings, ObjectMapper mapper, Vertx vertx) {
        this.readings = readings;
        this.mapper = mapper;
        this.vertx = vertx;
    }

    @Incoming("readings")
    public Uni<Void> onBatch(Message<Object> message) {
        ReadingBatch batch;
        try {
            batch = parse(message.getPayload());
        } catch (RuntimeException e) {
            LOG.errorf("An unreadable readings batch goes back to the broker: %s", e.getMessage());
            return Uni.createFrom().completionStage(message.nack(e));
        }
        return SafeContext.run(vertx, () -> readings.receive(batch.readings()))
                .invoke(result -> {
                    if (result.rejected() > 0) {
                        result.results().stream().filter(r -> r.outcome() == ReadingResult.Outcome.REJECTED)
                                .forEach(r -> LOG.warnf("Reading %s/%s rejected: %s", r.deviceSerial(), r.sequence(),
                                        r.reason()));
                    }
                })
                .chain(ignored -> Uni.createFrom().completionStage(message.ack()))
                .onFailure().recoverWithUni(failure -> {
                    LOG.warnf("A readings batch could not be stored; the broker redelivers it: %s", failure.getMessage());
                    return Uni.createFrom().completionStage(message.nack(failure));
                });
    }

    ReadingBatch parse(Object payload) {
        String json = payload instanceof JsonObject object ? object.encode()
                : payload instanceof Buffer buffer ? buffer.toString(StandardCharsets.UTF_8)
                : payload instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                : String.valueOf(payload);
        try {
            ReadingBatch batch = mapper.readValue(json, ReadingBatch.class);
            if (batch.readings() == null || batch.readings().isEmpty() || batch.readings().size() > ReadingBatch.MAX) {
                throw new IllegalArgumentException("a batch holds 1 to " + ReadingBatch.MAX + " readings");
            }
            return batch;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not a readings batch: " + e.getOriginalMessage(), e);
        }
    }
}
