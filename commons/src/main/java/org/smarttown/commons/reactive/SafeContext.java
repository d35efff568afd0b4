package org.smarttown.commons.reactive;

import java.util.function.Supplier;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Runs reactive work that starts outside a request (a message, a timer, a background job) the way
 * Hibernate Reactive needs it: on a fresh duplicated Vert.x context flagged safe, so the work gets
 * its own session and never shares one with anything else.
 */
public final class SafeContext {

    private SafeContext() {
    }

    /** Subscribes to {@code work} on a new safe duplicated context and relays its outcome. */
    public static <T> Uni<T> run(Vertx vertx, Supplier<Uni<T>> work) {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        return Uni.createFrom().emitter(emitter -> context.runOnContext(ignored ->
                work.get().subscribe().with(emitter::complete, emitter::fail)));
    }
}
