package org.smarttown.mentoring.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.smarttown.mentoring.config.WebhookConfig;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Sends due webhook deliveries. A pass leases due rows (moves their next try past the timeout, with
 * SKIP LOCKED so replicas share the work), POSTs each signed body, logs the attempt and either
 * marks the row DELIVERED or schedules the next try with a doubling pause. Rows live in the
 * database, so a restart loses nothing: a leased row whose pass died is simply due again later.
 * Deliveries of a removed endpoint are not sent any more, even if they were still due.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

    private final Pool pool;
    private final Vertx vertx;
    private final WebhookConfig config;
    private final WebhookSecretProtector secrets;
    private final AtomicBoolean running = new AtomicBoolean();
    private HttpClient client;
    private long timerId = -1;

    public WebhookDispatcher(Pool pool, Vertx vertx, WebhookConfig config, WebhookSecretProtector secrets) {
        this.pool = pool;
        this.vertx = vertx;
        this.config = config;
        this.secrets = secrets;
    }

    void start(@Observes StartupEvent event) {
        client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.timeout().toMillis()));
        if (config.dispatchEnabled()) {
            timerId = vertx.setPeriodic(config.pollInterval().toMillis(), tick -> dispatchNow());
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
    }

    /** Starts a pass unless one is running. */
    public void dispatchNow() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        pass().onTermination().invoke(() -> running.set(false))
                .subscribe().with(sent -> {
                }, failure -> LOG.warnf("Webhook pass failed: %s", failure.getMessage()));
    }

    Uni<Integer> pass() {
        double lease = config.timeout().plusSeconds(5).toMillis() / 1000.0;
        return pool.preparedQuery("""
                update webhook_delivery d set next_attempt_at = now() + make_interval(secs => $2)
                from webhook_endpoint e
                where d.endpoint_id = e.id and d.id in (
                    select w.id from webhook_delivery w join webhook_endpoint we on we.id = w.endpoint_id
                    where w.status = 'PENDING' and w.next_attempt_at <= now() and we.active
                    order by w.next_attempt_at limit $1 for update of w skip locked)
                returning d.id, d.attempts, d.event_type, d.payload, e.id as endpoint_id, e.url, e.secret""")
                .execute(Tuple.of(config.batchSize(), lease))
                .chain(rows -> {
                    List<Row> due = new ArrayList<>();
                    rows.forEach(due::add);
                    Uni<Integer> all = Uni.createFrom().item(0);
                    for (Row row : due) {
                        all = all.chain(count -> deliver(row).replaceWith(count + 1));
                    }
                    return all;
                });
    }

    private Uni<Void> deliver(Row row) {
        UUID id = row.getUUID("id");
        int attempt = row.getInteger("attempts") + 1;
        String body = row.getString("payload");
        long timestamp = Instant.now().getEpochSecond();
        long started = System.nanoTime();
        String secret;
        try {
            secret = secrets.open(row.getString("secret"), row.getUUID("endpoint_id"));
        } catch (IllegalStateException e) {
            // The key is not configured (removed too early): the try fails, nothing is sent unsigned.
            return record(id, attempt, null, truncate(e.getMessage()), 0, false);
        }
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(row.getString("url"))
                .putHeader("Content-Type", "application/json")
                .putHeader(WebhookSigner.TIMESTAMP, String.valueOf(timestamp))
                .putHeader(WebhookSigner.SIGNATURE, WebhookSigner.sign(secret, timestamp, body))
                .putHeader(WebhookSigner.EVENT, row.getString("event_type"))
                .putHeader(WebhookSigner.DELIVERY, id.toString());
        return client.request(options)
                .chain(request -> request.send(Buffer.buffer(body)))
                .chain(response -> response.body().replaceWith(response.statusCode()))
                .ifNoItem().after(config.timeout()).fail()
                .onItemOrFailure().transformToUni((status, failure) -> {
                    int millis = (int) Duration.ofNanos(System.nanoTime() - started).toMillis();
                    String error = failure == null ? null : truncate(String.valueOf(failure.getMessage()));
                    boolean delivered = status != null && status >= 200 && status < 300;
                    return record(id, attempt, status, error, millis, delivered);
                });
    }

    private Uni<Void> record(UUID id, int attempt, Integer status, String error, int millis, boolean delivered) {
        long backoff = Math.min(config.maxBackoff().toMillis(),
                config.initialBackoff().toMillis() * (1L << Math.min(attempt - 1, 20)));
        String next = delivered ? "DELIVERED" : attempt >= config.maxAttempts() ? "FAILED" : "PENDING";
        return pool.withTransaction(conn -> conn.preparedQuery(
                "insert into webhook_attempt (id, delivery_id, attempt, at, status_code, error, duration_ms) "
                        + "values ($1, $2, $3, now(), $4, $5, $6)")
                .execute(Tuple.from(new Object[] { UUID.randomUUID(), id, attempt, status, error, millis }))
                .chain(() -> conn.preparedQuery("update webhook_delivery set attempts = $2, status = $3, last_status = $4, "
                        + "next_attempt_at = now() + make_interval(secs => $5), "
                        + "delivered_at = case when $6 then now() else delivered_at end where id = $1")
                        .execute(Tuple.from(new Object[] { id, attempt, next, status, backoff / 1000.0, delivered }))))
                .replaceWithVoid();
    }

    private static String truncate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500);
    }
}
