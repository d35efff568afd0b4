package org.smarttown.care.alert;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.smarttown.care.Fixtures.CARER;
import static org.smarttown.care.Fixtures.reading;
import static org.smarttown.care.Fixtures.send;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.smarttown.care.Fixtures;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ConcurrentBatchesTest {

    @Inject
    Fixtures fixtures;

    @Test
    void parallelBatchesAboutOneResidentGroupIntoOneOpenAlertWithoutErrors() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            for (int round = 0; round < 3; round++) {
                UUID residentId = fixtures.resident("동시" + round);
                // Two devices, so that batches race on the alert itself and not only on one device's row.
                String button = fixtures.device("EMERGENCY_BUTTON", residentId);
                String band = fixtures.device("SMART_BAND", residentId);
                List<Callable<Integer>> batches = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    String device = i % 2 == 0 ? button : band;
                    batches.add(() -> send(List.of(reading(device, "SOS", 1))).extract().statusCode());
                }
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> batch : pool.invokeAll(batches)) {
                    statuses.add(batch.get());
                }
                assertEquals(List.of(202, 202, 202, 202, 202, 202, 202, 202, 202, 202), statuses);
                given().auth().oauth2(CARER).queryParam("residentId", residentId).queryParam("kind", "SOS")
                        .get("/api/care/alerts").then()
                        .body("totalItems", equalTo(1))
                        .body("items[0].occurrences", equalTo(10));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
