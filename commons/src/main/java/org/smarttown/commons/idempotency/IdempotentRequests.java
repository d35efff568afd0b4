package org.smarttown.commons.idempotency;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.smarttown.commons.problem.Invalid;
import org.smarttown.commons.problem.ProblemException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Makes a retried write safe: the first request with a given {@code Idempotency-Key} does the work
 * and its answer is stored in the same transaction; a retry with the same key and body gets that
 * answer again without doing the work twice, even when both arrive at once (the second waits on
 * the first's row lock). The same key with a different body is refused. A write that fails stores
 * nothing, so it can be retried.
 */
@ApplicationScoped
public class IdempotentRequests {

    /** The request header clients send. */
    public static final String HEADER = "Idempotency-Key";

    private static final Logger LOG = Logger.getLogger(IdempotentRequests.class);
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");

    /** How long answers are kept for retries. */
    @ConfigMapping(prefix = "smarttown.idempotency")
    public interface Config {
        /** How long a stored answer is replayed; older keys may be used again. */
        @WithDefault("P1D")
        Duration retention();
    }

    private final ObjectMapper mapper;
    private final Pool pool;
    private final Vertx vertx;
    private final Config config;

    public IdempotentRequests(ObjectMapper mapper, Pool pool, Vertx vertx, Config config) {
        this.mapper = mapper;
        this.pool = pool;
        this.vertx = vertx;
        this.config = config;
    }

    void scheduleCleanup(@Observes StartupEvent event) {
        vertx.setPeriodic(Duration.ofMinutes(10).toMillis(), tick -> pool
                .preparedQuery("delete from idempotency_key where created_at < now() - make_interval(secs => $1)")
                .execute(Tuple.of((double) config.retention().toSeconds()))
                .subscribe().with(rows -> {
                }, failure -> LOG.warnf("Idempotency key cleanup failed: %s", failure.getMessage())));
    }

    /**
     * Runs {@code action} once per (scope, actor, key). Without a key it simply runs it.
     *
     * @param key      the caller's Idempotency-Key header, or null
     * @param scope    what kind of write, e.g. "booking.create"; keys of different scopes never clash
     * @param actor    who calls (keys are per caller, so one caller cannot replay another's answer)
     * @param request  the request body, to detect a key reused for a different request
     * @param type     the answer's entity type, to replay it
     * @param action   the write; it joins this transaction
     */
    public <T> Uni<RestResponse<T>> execute(String key, String scope, String actor, Object request, Class<T> type,
            Supplier<Uni<RestResponse<T>>> action) {
        if (key == null) {
            return action.get();
        }
        if (!VALID_KEY.matcher(key).matches()) {
            return Uni.createFrom().failure(new Invalid(HEADER, "must be 1 to 200 visible ASCII characters"));
        }
        String hash = hash(request);
        // A null answer from the transaction means the key was already taken: its row is committed
        // by then (the insert waited for it), so the stored answer is read after this transaction.
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(
                        "insert into idempotency_key (scope, actor, key, request_hash, status) values (?1, ?2, ?3, ?4, 0) "
                                + "on conflict do nothing")
                        .setParameter(1, scope).setParameter(2, actor).setParameter(3, key).setParameter(4, hash)
                        .executeUpdate())
                .chain(inserted -> inserted == 1
                        ? action.get().call(response -> store(scope, actor, key, response))
                        : Uni.createFrom().<RestResponse<T>> nullItem()))
                .chain(response -> response != null ? Uni.createFrom().item(response)
                        : replay(key, scope, actor, request, type, action, hash));
    }

    private <T> Uni<Void> store(String scope, String actor, String key, RestResponse<T> response) {
        String body;
        try {
            body = response.hasEntity() ? mapper.writeValueAsString(response.getEntity()) : null;
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        Object location = response.getHeaders().getFirst("Location");
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "update idempotency_key set status = ?4, body = ?5, location = ?6 where scope = ?1 and actor = ?2 and key = ?3")
                .setParameter(1, scope).setParameter(2, actor).setParameter(3, key)
                .setParameter(4, response.getStatus())
                .setParameter(5, body)
                .setParameter(6, location == null ? null : location.toString())
                .executeUpdate())
                .replaceWithVoid();
    }

    /**
     * The stored answer, read straight from the pool: a native select through Hibernate Reactive
     * would add a query plan that never matches again at every replay (see the db package).
     */
    private <T> Uni<RestResponse<T>> replay(String key, String scope, String actor, Object request, Class<T> type,
            Supplier<Uni<RestResponse<T>>> action, String hash) {
        return pool.preparedQuery(
                "select request_hash, status, body, location from idempotency_key where scope = $1 and actor = $2 and key = $3")
                .execute(Tuple.of(scope, actor, key))
                .chain(rows -> {
                    if (rows.rowCount() == 0) {
                        // Cleaned up since the insert found it: the key is free again.
                        return execute(key, scope, actor, request, type, action);
                    }
                    Row row = rows.iterator().next();
                    if (!hash.equals(row.getString("request_hash"))) {
                        return Uni.createFrom().failure(new KeyReused());
                    }
                    String body = row.getString("body");
                    try {
                        T entity = body == null ? null : mapper.readValue(body, type);
                        RestResponse.ResponseBuilder<T> builder = RestResponse.ResponseBuilder
                                .<T> create(row.getInteger("status")).entity(entity)
                                .header("Idempotent-Replayed", "true");
                        String location = row.getString("location");
                        if (location != null) {
                            builder.header("Location", location);
                        }
                        return Uni.createFrom().item(builder.build());
                    } catch (JsonProcessingException e) {
                        return Uni.createFrom().failure(
                                new IllegalStateException("Stored answer for key " + key + " cannot be read", e));
                    }
                });
    }

    private String hash(Object request) {
        try {
            byte[] json = mapper.writeValueAsBytes(request);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Request cannot be hashed", e);
        }
    }

    /** The same key was sent before with a different request. */
    public static class KeyReused extends ProblemException {
        public KeyReused() {
            super(422, "idempotency-key-reused", "Idempotency-Key reused",
                    "This Idempotency-Key was already used for a different request; use a new key");
        }
    }

}
