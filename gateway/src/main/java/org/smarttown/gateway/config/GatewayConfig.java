package org.smarttown.gateway.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The gateway's routing table and limits.
 * <p>
 * The routes are a map so that a new service is one more entry in configuration, not code. Their
 * defaults (the four services on 127.0.0.1:8081-8084) live in {@code application.properties}
 * because a map's entries cannot carry per-entry defaults here; each key can be overridden by the
 * environment, e.g. {@code SMARTTOWN_GATEWAY_ROUTES_RESIDENTS_URL=http://resident-service}.
 */
@ConfigMapping(prefix = "smarttown.gateway")
public interface GatewayConfig {

    /**
     * The services requests are routed to, by name ({@code residents}, {@code care},
     * {@code coworking}, {@code mentoring}); defaults in {@code application.properties}.
     */
    Map<String, Route> routes();

    /**
     * The largest request body the gateway passes on; larger ones get 413 before (or, when the
     * caller sends no Content-Length, while) they are streamed.
     */
    @WithDefault("1M")
    MemorySize maxBodySize();

    /** How long to wait for a TCP connection to a service before answering 502. */
    @WithDefault("5s")
    Duration connectTimeout();

    /**
     * Connections kept open to each service from each event loop (every event loop has its own
     * pool, see {@code Upstreams#client()}). Every open server-sent-events stream holds one, so this
     * is also the number of concurrent streams per service and event loop. The gateway runs one
     * event loop (application.properties), so this is what one gateway holds per service.
     */
    @WithDefault("400")
    int maxConnectionsPerService();

    /** Per-caller request limits on /api and /partner. */
    RateLimit rateLimit();

    /** When the gateway stops sending requests to a failing service for a while. */
    CircuitBreaker circuitBreaker();

    /**
     * Token buckets per caller: each partner client, device hub and person has their own bucket of
     * {@code capacity} requests, refilled at {@code refill-per-second}. Buckets live in this gateway
     * instance, so with N replicas a caller gets up to N times the rate (a shared store is future work).
     */
    interface RateLimit {

        /** Whether limits apply at all. */
        @WithDefault("true")
        boolean enabled();

        /**
         * The tiers by name. A caller falls in {@code partner} (role agency-partner), {@code device}
         * (role device-hub) or {@code user} (everyone else), unless {@link #clientTiers()} names
         * another tier for its client id. Defaults in {@code application.properties}.
         */
        Map<String, Tier> tiers();

        /** Tier overrides by OAuth client id, e.g. {@code agency-a=partner-premium}. */
        Map<String, String> clientTiers();

        /** A bucket's size and refill rate. */
        interface Tier {

            /** The burst a caller may send at once. */
            int capacity();

            /** Requests per second added back to the bucket. */
            double refillPerSecond();
        }
    }

    /** Consecutive connection failures or timeouts open the breaker; after a pause one trial request may pass. */
    interface CircuitBreaker {

        /** Consecutive failures that open the breaker. */
        @WithDefault("5")
        int failureThreshold();

        /** How long an open breaker answers 503 at once before it lets a trial request through. */
        @WithDefault("10s")
        Duration openFor();
    }

    /** One upstream service and the paths it serves. */
    interface Route {

        /**
         * The service's base URL (scheme, host, port and, rarely, a path put in front of every
         * request path). Default: {@code http://127.0.0.1:<the service's port>}.
         */
        URI url();

        /**
         * The path prefixes routed to this service; a prefix matches itself and everything below
         * it ({@code /api/care} matches {@code /api/care} and {@code /api/care/alerts}, not
         * {@code /api/careers}). The path is passed on unchanged.
         */
        List<String> prefixes();

        /**
         * How long the service may take to start answering (status and headers) before the caller
         * gets 504. A stream that has started (server-sent events) may run longer.
         */
        @WithDefault("30s")
        Duration timeout();
    }
}
