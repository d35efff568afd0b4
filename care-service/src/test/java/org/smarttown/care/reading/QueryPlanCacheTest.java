package org.smarttown.care.reading;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smarttown.care.Fixtures.now;
import static org.smarttown.care.Fixtures.reading;
import static org.smarttown.care.Fixtures.send;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.hamcrest.Matchers;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Test;
import org.smarttown.care.Fixtures;
import org.smarttown.commons.testing.QueryPlans;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A reading batch runs the same statements every time (insert, detection, alerts, outbox, device
 * health), so after a few batches Hibernate's plan cache must stop growing. A native select on this
 * path would add a plan per batch (see {@link QueryPlans}) and, under load, push the real plans out
 * of the cache.
 */
@QuarkusTest
class QueryPlanCacheTest {

    private static final int RUNS = 10;

    @Inject
    Fixtures fixtures;
    @Inject
    Mutiny.SessionFactory factory;

    /** One resident's devices. */
    private record Home(String band, String button) {
    }

    @Test
    void receivingBatchesAgainAddsNoQueryPlans() {
        // Everyone set up first: making residents and devices runs statements of its own.
        List<Home> homes = new ArrayList<>();
        for (UUID resident : fixtures.residents("플랜", RUNS + 3)) {
            homes.add(new Home(fixtures.device("SMART_BAND", resident), fixtures.device("EMERGENCY_BUTTON", resident)));
        }
        Home regular = homes.get(0);
        for (int i = 0; i < 2; i++) {
            batch(regular, homes.get(1 + i));
        }
        int before = QueryPlans.cached(factory);
        for (int i = 0; i < RUNS; i++) {
            batch(regular, homes.get(3 + i));
        }
        int added = QueryPlans.cached(factory) - before;
        // A little slack for a periodic job that happens to run its first query meanwhile.
        assertTrue(added < 3, RUNS + " more batches added " + added + " query plans");
    }

    /**
     * A batch for a resident seen before and one not yet seen (whose baselines are computed):
     * vitals beyond the clinical limit at rest, steps, an SOS, a low battery, and a duplicate.
     */
    private static void batch(Home regular, Home fresh) {
        List<Map<String, Object>> readings = new ArrayList<>();
        for (Home home : List.of(regular, fresh)) {
            readings.add(reading(home.band(), "STEPS", 0, now().minusMinutes(3)));
            readings.add(reading(home.band(), "HEART_RATE", 150, now().minusMinutes(1)));
            readings.add(reading(home.band(), "HEART_RATE", 151));
            readings.add(reading(home.band(), "SPO2", 85));
            readings.add(reading(home.button(), "SOS", 1));
            readings.add(reading(home.button(), "BATTERY", 5));
        }
        send(readings).statusCode(202).body("accepted", Matchers.equalTo(readings.size()));
        // The same readings again: all recognised as stored.
        send(readings).statusCode(202).body("results.outcome", Matchers.everyItem(Matchers.equalTo("DUPLICATE")));
    }
}
