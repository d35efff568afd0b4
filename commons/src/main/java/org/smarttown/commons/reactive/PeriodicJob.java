package org.smarttown.commons.reactive;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * Background work a service repeats on a timer (scans, refreshes, releases): each pass runs on a
 * safe context of its own ({@link SafeContext}); a pass still running when the next is due makes
 * that one skip, so slow passes never pile up; a failed pass is logged and the next one retries.
 */
public final class PeriodicJob<T> {

    private final Vertx vertx;
    private final String name;
    private final Supplier<Uni<T>> pass;
    private final Consumer<T> done;
    private final Logger log;
    private final AtomicBoolean running = new AtomicBoolean();
    private long timer = -1;

    private PeriodicJob(Vertx vertx, String name, Supplier<Uni<T>> pass, Consumer<T> done, Logger log) {
        this.vertx = vertx;
        this.name = name;
        this.pass = pass;
        this.done = done;
        this.log = log;
    }

    /**
     * Schedules {@code pass} every {@code every}, the first after {@code firstAfter}; {@code done}
     * receives each successful pass's result (for a log line).
     */
    public static <T> PeriodicJob<T> start(Vertx vertx, String name, Duration firstAfter, Duration every,
            Supplier<Uni<T>> pass, Consumer<T> done, Logger log) {
        PeriodicJob<T> job = new PeriodicJob<>(vertx, name, pass, done, log);
        job.timer = vertx.setPeriodic(Math.max(1, firstAfter.toMillis()), Math.max(1, every.toMillis()),
                id -> job.runOnce());
        return job;
    }

    /** Runs one pass now, unless one is under way. */
    public void runOnce() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        SafeContext.run(vertx, pass).subscribe().with(result -> {
            running.set(false);
            done.accept(result);
        }, failure -> {
            running.set(false);
            log.warnf("%s failed; the next pass retries: %s", name, failure.getMessage());
        });
    }

    /** Cancels the timer (a pass under way finishes). */
    public void stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
    }
}
