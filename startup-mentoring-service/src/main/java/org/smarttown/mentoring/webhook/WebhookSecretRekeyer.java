package org.smarttown.mentoring.webhook;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * At start, encrypts under the active key every webhook secret that is not yet: secrets stored in
 * clear before encryption existed, and secrets under a retired key after a rotation. Each row is
 * updated only if it still holds the value read (so replicas starting together do no harm), and
 * running it again finds nothing to do. A failure is logged and retried at the next start; the
 * dispatcher reads every form meanwhile.
 */
@ApplicationScoped
public class WebhookSecretRekeyer {

    private static final Logger LOG = Logger.getLogger(WebhookSecretRekeyer.class);

    private final Pool pool;
    private final WebhookSecretProtector protector;

    public WebhookSecretRekeyer(Pool pool, WebhookSecretProtector protector) {
        this.pool = pool;
        this.protector = protector;
    }

    void onStart(@Observes StartupEvent event) {
        rekey().subscribe().with(count -> {
            if (count > 0) {
                LOG.infof("Encrypted %d webhook secrets under key %s", count, protector.activeKeyId());
            }
        }, failure -> LOG.warnf("Webhook secrets not re-encrypted: %s", failure.getMessage()));
    }

    /** Re-encrypts what is not under the active key; answers how many rows changed. */
    public Uni<Integer> rekey() {
        return pool.preparedQuery("select id, secret from webhook_endpoint where secret not like $1")
                .execute(Tuple.of(protector.activeKeyId().replace("%", "\\%").replace("_", "\\_") + ":%"))
                .chain(rows -> {
                    List<Row> stale = new ArrayList<>();
                    rows.forEach(stale::add);
                    Uni<Integer> all = Uni.createFrom().item(0);
                    for (Row row : stale) {
                        all = all.chain(count -> rekey(row).map(changed -> count + changed));
                    }
                    return all;
                });
    }

    private Uni<Integer> rekey(Row row) {
        String stored = row.getString("secret");
        String sealed;
        try {
            sealed = protector.seal(protector.open(stored, row.getUUID("id")), row.getUUID("id"));
        } catch (IllegalStateException e) {
            // A retired key removed too early: that endpoint's deliveries fail until the key is back.
            LOG.warn(e.getMessage());
            return Uni.createFrom().item(0);
        }
        return pool.preparedQuery("update webhook_endpoint set secret = $2 where id = $1 and secret = $3")
                .execute(Tuple.of(row.getUUID("id"), sealed, stored))
                .map(result -> result.rowCount());
    }
}
