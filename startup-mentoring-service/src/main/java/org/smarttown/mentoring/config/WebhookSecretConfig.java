package org.smarttown.mentoring.config;

import java.util.Map;

import io.smallrye.config.ConfigMapping;

/**
 * Keys that encrypt the agencies' webhook signing secrets at rest. There are deliberately no
 * defaults: dev and test keys live under {@code %dev}/{@code %test} in application.properties, and
 * a production start without keys fails naming the missing key. In Kubernetes set
 * {@code SMARTTOWN_WEBHOOK_SECRETS_ACTIVE_KEY} and {@code SMARTTOWN_WEBHOOK_SECRETS_KEYS_<ID>} (the id
 * in lower case) from a Secret.
 */
@ConfigMapping(prefix = "smarttown.webhook-secrets")
public interface WebhookSecretConfig {

    /** The id of the key new secrets are encrypted with; it must be one of {@link #keys()}. */
    String activeKey();

    /**
     * AES-256 keys by id, each 32 bytes in Base64. Keep a retired key until the service has started
     * once with the new active key: at start it re-encrypts every secret under the active key.
     */
    Map<String, String> keys();
}
