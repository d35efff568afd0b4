package org.smarttown.mentoring.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How webhook deliveries are sent and retried. */
@ConfigMapping(prefix = "smarttown.webhooks")
public interface WebhookConfig {

    /** Whether this instance sends deliveries (the rows are written regardless). */
    @WithDefault("true")
    boolean dispatchEnabled();

    /** How often due deliveries are looked for. */
    @WithDefault("1s")
    Duration pollInterval();

    /** The pause after the first failure; it doubles with each further failure. */
    @WithDefault("10s")
    Duration initialBackoff();

    /** The longest pause between two tries. */
    @WithDefault("1h")
    Duration maxBackoff();

    /** After this many failed tries a delivery is FAILED (the agency may still redeliver it). */
    @WithDefault("10")
    int maxAttempts();

    /** How long a receiver has to answer. */
    @WithDefault("10s")
    Duration timeout();

    /** How many deliveries one pass sends at most. */
    @WithDefault("20")
    int batchSize();
}
