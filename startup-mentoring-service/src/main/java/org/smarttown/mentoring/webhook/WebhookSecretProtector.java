package org.smarttown.mentoring.webhook;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.smarttown.commons.crypto.KeyRing;
import org.smarttown.mentoring.config.WebhookSecretConfig;

import io.quarkus.runtime.Startup;

/**
 * Encrypts webhook signing secrets with AES-256-GCM (commons' {@link KeyRing}). Signing needs the
 * secret itself (HMAC), so it cannot be hashed; encrypted, a copy of the database alone does not
 * let anyone forge deliveries. The endpoint's id is the associated data, so a value copied onto
 * another endpoint does not decrypt. Keys are checked at start (hence {@code @Startup}), so a
 * misconfigured service fails before taking traffic.
 */
@Startup
@ApplicationScoped
public class WebhookSecretProtector {

    private final KeyRing keys;

    public WebhookSecretProtector(WebhookSecretConfig config) {
        this.keys = new KeyRing("smarttown.webhook-secrets", config.keys(), config.activeKey());
    }

    public String activeKeyId() {
        return keys.activeKeyId();
    }

    /** Whether a stored value is already encrypted under the active key (nothing to do for it). */
    public boolean isCurrent(String stored) {
        return keys.isCurrent(stored);
    }

    /** Encrypts under the active key, bound to the endpoint. */
    public String seal(String secret, UUID endpointId) {
        return keys.seal(secret, endpointId.toString());
    }

    /**
     * Decrypts with whichever key the value names. A value that names no key is a secret stored in
     * clear before encryption existed (they all start {@code whsec_}); it is returned as it is until
     * the start-up pass has re-encrypted it.
     */
    public String open(String stored, UUID endpointId) {
        if (stored.startsWith(WebhookService.SECRET_PREFIX)) {
            return stored;
        }
        return keys.open(stored, endpointId.toString(), "The secret of webhook " + endpointId);
    }
}
