package org.smarttown.care.alert;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.smarttown.care.Fixtures.CARER;
import static org.smarttown.care.Fixtures.reading;
import static org.smarttown.care.Fixtures.send;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.smarttown.care.Fixtures;

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
        List<JsonObject> received = new CopyOnWriteArrayList<>();
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<Stream<String>> response = client.sendAsync(HttpRequest.newBuilder(stream)
                .header("Authorization", "Bearer " + CARER).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines()).get(10, TimeUnit.SECONDS);
        assertEquals(200, response.statusCode());
        Thread reader = new Thread(() -> {
            try {
                response.body().filter(line -> line.startsWith("data:"))
                        .forEach(line -> received.add(new JsonObject(line.substring(5).trim())));
            } catch (java.io.UncheckedIOException closedByTheTest) {
                // the stream ends when the test closes it
            }
        });
        reader.setDaemon(true);
        reader.start();
        try {
            send(List.of(reading(button, "SOS", 1))).statusCode(202);

            await().atMost(Duration.ofSeconds(1)).until(() -> received.stream()
                    .anyMatch(alert -> residentId.toString().equals(alert.getString("residentId"))));
            JsonObject alert = received.stream()
                    .filter(a -> residentId.toString().equals(a.getString("residentId"))).findFirst().orElseThrow();
            assertEquals("SOS", alert.getString("kind"));
            assertEquals("CRITICAL", alert.getString("level"));
            assertEquals("RAISED", alert.getString("status"));
        } finally {
            response.body().close();
            reader.interrupt();
        }
    }
}
