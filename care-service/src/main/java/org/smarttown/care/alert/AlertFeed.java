package org.smarttown.care.alert;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.smarttown.commons.reactive.SafeContext;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.pgclient.pubsub.PgSubscriber;
import io.vertx.sqlclient.Tuple;

/**
 * The live feed: every new or changed alert, pushed after its transaction committed, to the
 * listeners of every replica. A change is announced with PostgreSQL's NOTIFY on the channel
 * {@value #CHANNEL}, and each replica LISTENs on it and feeds its own listeners, so a care worker
 * connected to one replica sees the alerts raised on another. The payload is the alert's JSON, or
 * only its id when that would pass NOTIFY's 8,000-byte limit (the alert is then read back).
 */
@ApplicationScoped
public class AlertFeed {

    static final String CHANNEL = "care_alert_changed";
    private static final int MAX_PAYLOAD = 7_500;
    private static final Logger LOG = Logger.getLogger(AlertFeed.class);

    private final BroadcastProcessor<AlertView> processor = BroadcastProcessor.create();
    private final Vertx vertx;
    private final ObjectMapper json;
    private final PgConnectOptions database;
    private volatile PgSubscriber subscriber;

    public AlertFeed(Vertx vertx, ObjectMapper json,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.vertx = vertx;
        this.json = json;
        this.database = PgConnectOptions.fromUri(url.startsWith("vertx-reactive:") ? url.substring(15) : url).setUser(user);
        password.ifPresent(database::setPassword);
    }

    void listen(@Observes StartupEvent started) {
        subscriber = PgSubscriber.subscriber(vertx, database)
                // PostgreSQL restarted or a network blip: listen again, every second, for as long as it takes.
                .reconnectPolicy(retries -> 1_000L);
        subscriber.channel(CHANNEL).handler(this::received);
        subscriber.closeHandler(closed -> LOG.warn("Live alert feed lost its database connection; reconnecting"));
        subscriber.connect().onFailure(e -> LOG.warnf("Live alert feed could not listen yet: %s", e.getMessage()));
    }

    void close(@Observes ShutdownEvent stopping) {
        if (subscriber != null) {
            subscriber.close();
        }
    }

    /** Announces committed changes to every replica (this one included). */
    public void publish(List<AlertView> changed) {
        PgConnection connection = subscriber == null ? null : subscriber.actualConnection();
        for (AlertView view : changed) {
            if (connection == null) {
                // Not listening right now: at least this replica's listeners hear of it.
                processor.onNext(view);
                continue;
            }
            // The listening connection sends too, so one replica's announcements keep their order.
            connection.preparedQuery("select pg_notify($1, $2)").execute(Tuple.of(CHANNEL, payload(view)))
                    .onFailure(e -> {
                        LOG.warnf("Could not announce alert %s to other replicas: %s", view.id(), e.getMessage());
                        processor.onNext(view);
                    });
        }
    }

    public Multi<AlertView> stream() {
        // A slow listener drops old changes rather than holding everyone else back.
        return processor.onOverflow().drop();
    }

    private String payload(AlertView view) {
        try {
            String whole = json.writeValueAsString(view);
            return whole.length() <= MAX_PAYLOAD ? whole : view.id().toString();
        } catch (JsonProcessingException e) {
            return view.id().toString();
        }
    }

    private void received(String payload) {
        if (payload.startsWith("{")) {
            try {
                processor.onNext(json.readValue(payload, AlertView.class));
            } catch (JsonProcessingException e) {
                LOG.warnf("Unreadable alert announcement: %s", e.getOriginalMessage());
            }
            return;
        }
        UUID id;
        try {
            id = UUID.fromString(payload);
        } catch (IllegalArgumentException e) {
            LOG.warnf("Unreadable alert announcement: %s", payload);
            return;
        }
        SafeContext.run(vertx, () -> Panache.withSession(() -> Alert.<Alert> findById(id)))
                .subscribe().with(alert -> {
                    if (alert != null) {
                        processor.onNext(AlertView.of(alert));
                    }
                }, e -> LOG.warnf("Could not read announced alert %s: %s", id, e.getMessage()));
    }
}
