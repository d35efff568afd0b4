package org.smarttown.commons.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.amqp.OutgoingAmqpMetadata;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Publishes committed outbox rows to the broker in the order they were written, marking each sent
 * once the broker has accepted it. While the broker is away it keeps the rows and retries with a
 * growing pause, so a write never waits for the broker and an event is never lost. Rows are locked
 * with SKIP LOCKED so several replicas can relay side by side. Delivery is at least once:
 * consumers deduplicate by event id.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final Pool pool;
    private final Vertx vertx;
    private final MutinyEmitter<Buffer> emitter;
    private final OutboxConfig config;
    private final AtomicBoolean draining = new AtomicBoolean();
    private volatile long timerId = -1;
    private volatile int consecutiveFailures;
    private volatile Instant pausedUntil = Instant.MIN;
    private volatile Instant nextCleanup = Instant.MIN;

    public OutboxRelay(Pool pool, Vertx vertx, @Channel("outbox") MutinyEmitter<Buffer> emitter, OutboxConfig config) {
        this.pool = pool;
        this.vertx = vertx;
        this.emitter = emitter;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        if (config.relayEnabled()) {
            timerId = vertx.setPeriodic(config.pollInterval().toMillis(), tick -> relayNow());
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
    }

    /** Starts a pass unless one is running or the relay is pausing after a failure. */
    public void relayNow() {
        if (Instant.now().isBefore(pausedUntil) || !draining.compareAndSet(false, true)) {
            return;
        }
        drain().onTermination().invoke(() -> draining.set(false))
                .subscribe().with(sent -> {
                }, failure -> LOG.warnf("Outbox pass failed: %s", failure.getMessage()));
    }

    /** One pass: sends up to a batch of unsent events in order. @return how many were sent. */
    Uni<Integer> drain() {
        return pool.withTransaction(conn -> conn
                .preparedQuery("select seq, event_id, address, event_type, payload::text from outbox_message "
                        + "where sent_at is null order by seq limit $1 for update skip locked")
                .execute(Tuple.of(config.batchSize()))
                .chain(rows -> {
                    List<Row> pending = new ArrayList<>();
                    rows.forEach(pending::add);
                    return sendInOrder(conn, pending, 0);
                }))
                .call(this::cleanUpIfDue);
    }

    /**
     * Sends the rows one after the other, each once the broker confirmed the one before, then marks
     * the confirmed ones sent with one statement (the pass commits them together anyway).
     */
    private Uni<Integer> sendInOrder(SqlConnection conn, List<Row> rows, int index) {
        if (index == rows.size()) {
            consecutiveFailures = 0;
            return markSent(conn, rows, index).replaceWith(index);
        }
        Row row = rows.get(index);
        return send(row).onItemOrFailure().transformToUni((sent, failure) -> {
            if (failure == null) {
                return sendInOrder(conn, rows, index + 1);
            }
            // Stop here so later events never overtake this one; keep it for the next pass.
            backOff(failure);
            return markSent(conn, rows, index)
                    .chain(() -> conn.preparedQuery(
                            "update outbox_message set attempts = attempts + 1, last_error = $2 where seq = $1")
                            .execute(Tuple.of(row.getLong("seq"), truncate(String.valueOf(failure.getMessage())))))
                    .replaceWith(index);
        });
    }

    /** Marks the first {@code count} rows sent. */
    private Uni<Void> markSent(SqlConnection conn, List<Row> rows, int count) {
        if (count == 0) {
            return Uni.createFrom().voidItem();
        }
        Long[] seqs = rows.subList(0, count).stream().map(row -> row.getLong("seq")).toArray(Long[]::new);
        return conn.preparedQuery("update outbox_message set sent_at = now(), attempts = attempts + 1 where seq = any($1)")
                .execute(Tuple.of(seqs))
                .replaceWithVoid();
    }

    private Uni<Void> send(Row row) {
        UUID eventId = row.getUUID("event_id");
        OutgoingAmqpMetadata metadata = OutgoingAmqpMetadata.builder()
                .withAddress(row.getString("address"))
                .withMessageId(eventId.toString())
                .withSubject(row.getString("event_type"))
                .withContentType("application/json")
                .withDurable(true)
                .build();
        Message<Buffer> message = Message.of(Buffer.buffer(row.getString("payload"))).addMetadata(metadata);
        return emitter.sendMessage(message)
                .ifNoItem().after(config.sendTimeout()).failWith(() -> new IllegalStateException(
                        "broker did not confirm event " + eventId + " within " + config.sendTimeout()));
    }

    private void backOff(Throwable failure) {
        int failures = ++consecutiveFailures;
        long pauseMillis = Math.min(config.maxBackoff().toMillis(),
                config.pollInterval().toMillis() * (1L << Math.min(failures, 16)));
        pausedUntil = Instant.now().plusMillis(pauseMillis);
        LOG.warnf("Broker unavailable (%s); outbox retries in %d ms", failure.getMessage(), pauseMillis);
    }

    private Uni<Void> cleanUpIfDue(Integer ignored) {
        if (Instant.now().isBefore(nextCleanup)) {
            return Uni.createFrom().voidItem();
        }
        nextCleanup = Instant.now().plus(Duration.ofHours(1));
        return pool.preparedQuery("delete from outbox_message where sent_at < now() - make_interval(secs => $1)")
                .execute(Tuple.of((double) config.retention().toSeconds()))
                .replaceWithVoid();
    }

    private static String truncate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500);
    }
}
