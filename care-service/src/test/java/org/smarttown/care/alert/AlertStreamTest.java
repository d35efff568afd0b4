package org.smarttown.care.alert;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.smarttown.care.Fixtures.CARER;
import static org.smarttown.care.Fixtures.reading;
import static org.smarttown.care.Fixtures.send;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.smarttown.care.Fixtures;
import org.smarttown.care.LiveFeed;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

@QuarkusTest
class AlertStreamTest {

    @Inject
    Fixtures fixtures;

    @TestHTTPResource("/api/care/alerts/stream")
    URI stream;

    @Test
    void anSosReachesTheLiveFeedWithinASecond() throws Exception {
        UUID residentId = fixtures.resident("실시간");
        String button = fixtures.device("EMERGENCY_BUTTON", residentId);
        try (LiveFeed feed = new LiveFeed(stream, CARER)) {
            send(List.of(reading(button, "SOS", 1))).statusCode(202);

            await().atMost(Duration.ofSeconds(1)).until(() -> !feed.about(residentId.toString()).isEmpty());
            JsonObject alert = feed.about(residentId.toString()).get(0);
            assertEquals("SOS", alert.getString("kind"));
            assertEquals("CRITICAL", alert.getString("level"));
            assertEquals("RAISED", alert.getString("status"));
        }
    }
}
