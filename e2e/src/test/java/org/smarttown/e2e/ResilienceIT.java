package org.smarttown.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The running suite while parts of it fail: the broker away, a service killed mid-write, the
 * database restarted. Each test mends what it broke before it ends, even when it fails.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
// Late, since it restarts parts of the suite; before KeycloakDownIT, which runs last.
@Order(Integer.MAX_VALUE - 1)
class ResilienceIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startSuite() {
        LocalSuite.ensureUp();
        RestAssured.baseURI = LocalSuite.GATEWAY;
    }

    @Test
    @Order(1)
    void residentsRegisteredWhileTheBrokerIsAwayAllGetOneCareProfileAfterwards() {
        String welfare = Tokens.user("welfare1");
        String carer = Tokens.user("carer1");
        long profilesBefore = given().auth().oauth2(carer).get("/api/care/profiles?size=1").then().statusCode(200)
                .extract().jsonPath().getLong("totalItems");
        List<String> ids = new ArrayList<>();
        long brokerStopped = System.nanoTime();
        SuiteControl.stop("artemis", "TERM");
        try {
            String run = Long.toString(System.currentTimeMillis(), 36);
            for (int i = 0; i < 100; i++) {
                String name = "회복" + (char) ('가' + i) + (char) ('가' + (run.hashCode() & 0x3ff) % 200);
                Response created = withRetries(() -> given().auth().oauth2(welfare).contentType(ContentType.JSON)
                        .body(SuiteIT.resident(name, true)).post("/api/residents"));
                assertEquals(201, created.statusCode(), "registering while the broker is away: " + created.asString());
                ids.add(created.path("id"));
            }
            // The broker stays away for 30 s in all, however fast the registrations were.
            Duration left = Duration.ofSeconds(30).minusNanos(System.nanoTime() - brokerStopped);
            if (!left.isNegative()) {
                SuiteControl.sleep(left);
            }
        } finally {
            SuiteControl.startMissing();
        }
        // One request per poll: the gateway's rate limit per user would refuse a hundred every 2 s.
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2)).until(() -> profiles(carer) >= profilesBefore + 100);
        // None twice: exactly a hundred new profiles, whatever the redelivery after the outage ...
        assertEquals(profilesBefore + 100, profiles(carer));
        // ... and they are the hundred registered.
        for (String id : ids) {
            assertEquals(200, withRetries(() -> given().auth().oauth2(carer).get("/api/care/profiles/" + id)).statusCode());
        }
    }

    @Test
    @Order(2)
    void everyReadingAcceptedBeforeTheServiceIsKilledIsStoredAfterItsRestart() throws Exception {
        String hub = Tokens.client("device-hub");
        long base = System.currentTimeMillis() * 1000;
        List<String> accepted = new ArrayList<>();
        AtomicBoolean sending = new AtomicBoolean(true);
        CompletableFuture<Integer> sender = CompletableFuture.supplyAsync(() -> {
            int batch = 0;
            while (sending.get()) {
                String body = readings(base + batch * 50L, 50);
                batch++;
                try {
                    HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(LocalSuite.GATEWAY + "/api/care/readings"))
                            .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + hub)
                            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (answer.statusCode() == 202) {
                        assertTrue(answer.body().contains("\"accepted\":50"), answer.body());
                        synchronized (accepted) {
                            accepted.add(body);
                        }
                    } else if (answer.statusCode() == 429) {
                        SuiteControl.sleep(Duration.ofMillis(500));
                    }
                } catch (Exception e) {
                    // The service is gone: nothing was promised for this batch.
                }
            }
            return batch;
        });
        SuiteControl.sleep(Duration.ofSeconds(3));
        try {
            SuiteControl.stop("care-service", "KILL");
            SuiteControl.sleep(Duration.ofSeconds(2));
        } finally {
            sending.set(false);
            sender.get();
            SuiteControl.startMissing();
        }
        assertTrue(accepted.size() >= 3, "only " + accepted.size() + " batches were accepted before the kill");
        // Sent again, every reading the service had accepted is a duplicate: it was stored. (The
        // gateway's circuit breaker for care-service may still be open for a moment: 503, Retry-After.)
        for (String body : accepted) {
            withRetries(() -> given().auth().oauth2(hub).contentType(ContentType.JSON).body(body).post("/api/care/readings"))
                    .then()
                    .statusCode(202)
                    .body("duplicates", org.hamcrest.Matchers.equalTo(50))
                    .body("accepted", org.hamcrest.Matchers.equalTo(0));
        }
    }

    @Test
    @Order(3)
    void aDatabaseRestartTakesReadinessDownAndBackWithoutARequestHanging() throws Exception {
        String welfare = Tokens.user("welfare1");
        URI ready = URI.create("http://127.0.0.1:8081/q/health/ready");
        assertEquals(200, status(ready));
        stopDatabase();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> status(ready) == 503);
            long started = System.nanoTime();
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(LocalSuite.GATEWAY + "/api/residents?size=1"))
                    .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + welfare).build(),
                    HttpResponse.BodyHandlers.ofString());
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertTrue(answer.statusCode() >= 500, "answered " + answer.statusCode() + " without its database");
            assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                    answer.body());
            assertTrue(took.compareTo(Duration.ofSeconds(30)) < 0, "the request took " + took);
        } finally {
            startDatabase();
        }
        await().atMost(Duration.ofSeconds(90)).until(() -> status(ready) == 200);
        given().auth().oauth2(welfare).get("/api/residents?size=1").then().statusCode(200);
    }

    private static void stopDatabase() {
        if (SuiteControl.machinePostgres()) {
            assertEquals(0, SuiteControl.exec(Duration.ofSeconds(60), "bash", "-c",
                    "pg_ctlcluster --skip-systemctl-redirect \"$(ls /etc/postgresql)\" main stop -m fast"));
        } else {
            SuiteControl.stop("postgres", "INT");
        }
    }

    private static void startDatabase() {
        if (SuiteControl.machinePostgres()) {
            assertEquals(0, SuiteControl.exec(Duration.ofSeconds(60), "bash", "-c",
                    "pg_ctlcluster --skip-systemctl-redirect \"$(ls /etc/postgresql)\" main start"));
        } else {
            SuiteControl.startMissing();
        }
    }

    private static int status(URI uri) {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    /** A batch of ordinary heart-rate readings from the demo's first band, with unique sequences. */
    private static String readings(long firstSequence, int count) {
        StringBuilder body = new StringBuilder("{\"readings\":[");
        String at = OffsetDateTime.now().toString();
        for (int i = 0; i < count; i++) {
            body.append(i == 0 ? "" : ",").append("{\"deviceSerial\":\"SB-0001\",\"type\":\"HEART_RATE\",\"value\":")
                    .append(66 + i % 9).append(",\"unit\":\"/min\",\"measuredAt\":\"").append(at)
                    .append("\",\"sequence\":").append(firstSequence + i).append('}');
        }
        return body.append("]}").toString();
    }

    private static long profiles(String carer) {
        return withRetries(() -> given().auth().oauth2(carer).get("/api/care/profiles?size=1")).then().statusCode(200)
                .extract().jsonPath().getLong("totalItems");
    }

    /** Calls again while the gateway says to wait: 429 (rate limit) or 503 (circuit open), with Retry-After. */
    private static Response withRetries(java.util.function.Supplier<Response> call) {
        for (int attempt = 0; ; attempt++) {
            Response response = call.get();
            boolean wait = response.statusCode() == 429 || (response.statusCode() == 503 && response.header("Retry-After") != null);
            if (!wait || attempt >= 30) {
                return response;
            }
            SuiteControl.sleep(Duration.ofSeconds(Math.max(1, Long.parseLong(response.header("Retry-After")))));
        }
    }
}
