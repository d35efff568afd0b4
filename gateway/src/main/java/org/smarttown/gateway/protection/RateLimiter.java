package org.smarttown.gateway.protection;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.smarttown.gateway.config.GatewayConfig;

/**
 * Token buckets, one per caller. A bucket starts full; each request takes a token; tokens come back
 * at the tier's rate. Idle buckets are full again after capacity / rate seconds, so they are
 * dropped then and cost no memory.
 */
@ApplicationScoped
public class RateLimiter {

    private final GatewayConfig.RateLimit config;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(GatewayConfig config) {
        this.config = config.rateLimit();
    }

    /**
     * Takes one token for the caller.
     *
     * @return 0 when the request may pass, otherwise the whole seconds until a token is back
     */
    public long acquire(String callerKey, String tierName) {
        GatewayConfig.RateLimit.Tier tier = config.tiers().get(tierName);
        if (!config.enabled() || tier == null) {
            return 0;
        }
        return buckets.computeIfAbsent(tierName + "|" + callerKey, key -> new Bucket(tier)).take(System.nanoTime());
    }

    /** The tier of a caller: an override for its client id, else by its kind. */
    public String tierOf(String clientId, String kind) {
        return clientId == null ? kind : config.clientTiers().getOrDefault(clientId, kind);
    }

    /** Drops buckets that have been idle long enough to be full again. */
    public void evictIdle() {
        long now = System.nanoTime();
        buckets.values().removeIf(bucket -> bucket.isFullAt(now));
    }

    static final class Bucket {
        private final int capacity;
        private final double refillPerNano;
        private double tokens;
        private long updatedAt;

        Bucket(GatewayConfig.RateLimit.Tier tier) {
            this.capacity = tier.capacity();
            this.refillPerNano = tier.refillPerSecond() / TimeUnit.SECONDS.toNanos(1);
            this.tokens = capacity;
            this.updatedAt = System.nanoTime();
        }

        synchronized long take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            double missingNanos = (1 - tokens) / refillPerNano;
            return Math.max(1, (long) Math.ceil(missingNanos / TimeUnit.SECONDS.toNanos(1)));
        }

        synchronized boolean isFullAt(long now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(long now) {
            tokens = Math.min(capacity, tokens + (now - updatedAt) * refillPerNano);
            updatedAt = now;
        }
    }
}
