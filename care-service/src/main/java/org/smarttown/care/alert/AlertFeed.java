package org.smarttown.care.alert;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

/**
 * The live feed: every new or changed alert, pushed after its transaction committed. In-process:
 * with more than one replica, each feeds its own listeners only (see README, limits).
 */
@ApplicationScoped
public class AlertFeed {

    private final BroadcastProcessor<AlertView> processor = BroadcastProcessor.create();

    public void publish(List<AlertView> changed) {
        changed.forEach(processor::onNext);
    }

    public Multi<AlertView> stream() {
        // A slow listener drops old changes rather than holding everyone else back.
        return processor.onOverflow().drop();
    }
}
