package org.smarttown.commons.nativeimage;

import org.smarttown.commons.outbox.EventEnvelope;
import org.smarttown.commons.paging.Page;
import org.smarttown.commons.problem.Problem;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What a native image must keep for reflection from commons: the event envelope Jackson writes
 * into the outbox and reads from the broker, and the problem and page bodies an idempotent
 * request replays from its stored JSON. Nested classes are included.
 */
@RegisterForReflection(targets = { EventEnvelope.class, Problem.class, Page.class })
final class NativeReflection {

    private NativeReflection() {
    }
}
