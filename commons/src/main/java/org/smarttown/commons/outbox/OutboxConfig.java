package org.smarttown.commons.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the outbox relay moves committed events to the broker. */
@ConfigMapping(prefix = "smarttown.outbox")
public interface OutboxConfig {

    /** Whether this instance relays at all (one may turn it off on read-only replicas). */
    @WithDefault("true")
    boolean relayEnabled();

    /** How often the relay looks for unsent events. */
    @WithDefault("200ms")
    Duration pollInterval();

    /** How many events one pass sends at most. */
    @WithDefault("100")
    int batchSize();

    /** How long the broker has to confirm one event before the pass stops and backs off. */
    @WithDefault("5s")
    Duration sendTimeout();

    /** The longest pause between attempts while the broker is away. */
    @WithDefault("5s")
    Duration maxBackoff();

    /** How long sent events stay in the table, for inspection, before they are deleted. */
    @WithDefault("P7D")
    Duration retention();
}
