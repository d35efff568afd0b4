package org.smarttown.gateway.proxy;

import java.time.Duration;

/**
 * Stops sending requests to a service that keeps failing (connection refused, no answer in time),
 * so callers get a fast 503 instead of waiting, and the service gets room to recover. After
 * {@code openFor} one trial request passes; its success closes the breaker, its failure reopens it.
 * Used from every event loop, hence synchronized; the work inside is a few field updates.
 */
final class CircuitBreaker {

    private final int failureThreshold;
    private final long openForNanos;
    private int consecutiveFailures;
    private long openUntil;
    private boolean open;
    private boolean trialInFlight;
    private long trialStartedAt;

    CircuitBreaker(int failureThreshold, Duration openFor) {
        this.failureThreshold = failureThreshold;
        this.openForNanos = openFor.toNanos();
    }

    /** @return 0 when the request may go, else the whole seconds until the next trial */
    synchronized long allow(long now) {
        if (!open) {
            return 0;
        }
        // A trial whose caller vanished never reports back: after another pause, try again.
        if (now - openUntil >= 0 && (!trialInFlight || now - trialStartedAt >= openForNanos)) {
            trialInFlight = true;
            trialStartedAt = now;
            return 0;
        }
        return Math.max(1, (long) Math.ceil(Math.max(0, openUntil - now) / 1e9));
    }

    synchronized void succeeded() {
        consecutiveFailures = 0;
        open = false;
        trialInFlight = false;
    }

    synchronized void failed(long now) {
        consecutiveFailures++;
        if (trialInFlight || consecutiveFailures >= failureThreshold) {
            open = true;
            trialInFlight = false;
            openUntil = now + openForNanos;
        }
    }

    synchronized boolean isOpen() {
        return open;
    }
}
