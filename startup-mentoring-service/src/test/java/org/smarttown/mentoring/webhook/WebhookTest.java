package org.smarttown.mentoring.webhook;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smarttown.mentoring.Api.AGENCY_A;
import static org.smarttown.mentoring.Api.AGENCY_B;
import static org.smarttown.mentoring.Api.as;
import static org.smarttown.mentoring.Api.founder;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smarttown.mentoring.Api;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;

/**
 * Webhooks delivered to a real HTTP receiver in the test: it checks each signature itself
 * (HMAC-SHA256 over timestamp and body with the secret it was given) and fails twice before it
 * accepts, so the delivery log must show three tries.
 */
@QuarkusTest
class WebhookTest {

    record Received(String deliveryId, String event, boolean signatureValid, JsonObject body) {
    }

    private final LocalDate monday = Api.mondayAhead(5);
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();
    private Vertx vertx;
    private HttpServer server;
    private volatile String secret;

    @BeforeEach
    void receiver() throws Exception {
        Api.agencies();
        vertx = Vertx.vertx();
        server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            String timestamp = request.getHeader("X-SmartTown-Timestamp");
            String signature = request.getHeader("X-SmartTown-Signature");
            received.add(new Received(request.getHeader("X-SmartTown-Delivery"), request.getHeader("X-SmartTown-Event"),
                    timestamp != null && signature != null && MessageDigest.isEqual(
                            expected(timestamp, body.toString(StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8),
                            signature.getBytes(StandardCharsets.UTF_8)),
                    body.toJsonObject()));
            request.response().setStatusCode(calls.incrementAndGet() <= 2 ? 500 : 200).end();
        })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private String expected(String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "v1=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String url() {
        return "http://127.0.0.1:" + server.actualPort() + "/hooks";
    }

    @Test
    void aReceiverThatFailsTwiceGetsTheSignedDeliveryOnTheThirdTryAndTheLogShowsAllThree() {
        var registered = as(AGENCY_A).body(Map.of("url", url(), "events", List.of("session.requested")))
                .post("/partner/v1/webhooks").then().statusCode(201).body("secret", startsWith("whsec_"))
                .extract();
        secret = registered.path("secret");
        String endpointId = registered.path("id");
        as(AGENCY_A).get("/partner/v1/webhooks?size=100").then().statusCode(200)
                .body("items.find { it.id == '" + endpointId + "' }.secret", equalTo(null));

        String mentorId = Api.mentor(AGENCY_A, "Hooked mentor", List.of("hooks"), Api.everyDay("09:00", "12:00"));
        String typeId = Api.createSessionType(AGENCY_A, Map.of("kind", "MENTORING", "name", "hooked",
                "durationMinutes", 60, "requiresConfirmation", true));
        String sessionId = as(founder("hook-founder")).body(Api.booking(mentorId, typeId, Api.at(monday, "09:00")))
                .post("/api/mentoring/sessions").then().statusCode(201).extract().path("id");

        await().atMost(Duration.ofSeconds(30)).until(() -> received.size() >= 3);
        assertEquals(3, received.size());
        assertTrue(received.stream().allMatch(Received::signatureValid), received.toString());
        assertEquals(1, received.stream().map(Received::deliveryId).distinct().count());
        assertEquals("session.requested", received.get(0).event());
        assertEquals(sessionId, received.get(2).body().getJsonObject("data").getString("sessionId"));

        await().atMost(Duration.ofSeconds(30)).until(() -> "DELIVERED".equals(as(AGENCY_A)
                .get("/partner/v1/webhooks/" + endpointId + "/deliveries").then().extract().path("items[0].status")));
        var log = as(AGENCY_A).get("/partner/v1/webhooks/" + endpointId + "/deliveries").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].attempts", equalTo(3))
                .body("items[0].log.statusCode", contains(500, 500, 200))
                .body("items[0].log.attempt", contains(1, 2, 3))
                .extract();
        String deliveryId = log.path("items[0].id");
        // Retried with backoff: at least the initial pause (200 ms in tests) after the first failure,
        // and twice that after the second.
        List<java.time.OffsetDateTime> tries = log.<List<String>> path("items[0].log.at").stream()
                .map(java.time.OffsetDateTime::parse).toList();
        assertTrue(Duration.between(tries.get(0), tries.get(1)).toMillis() >= 200, tries.toString());
        assertTrue(Duration.between(tries.get(1), tries.get(2)).toMillis() >= 400, tries.toString());

        // Another agency can neither read this log nor trigger, nor remove the endpoint.
        as(AGENCY_B).get("/partner/v1/webhooks/" + endpointId + "/deliveries").then().statusCode(404);
        as(AGENCY_B).post("/partner/v1/webhooks/deliveries/" + deliveryId + "/redeliver").then().statusCode(404);
        as(AGENCY_B).delete("/partner/v1/webhooks/" + endpointId).then().statusCode(404);
        as(AGENCY_B).get("/partner/v1/webhooks?size=100").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(endpointId)));

        as(AGENCY_A).post("/partner/v1/webhooks/deliveries/" + deliveryId + "/redeliver").then().statusCode(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> received.size() == 4);
        await().atMost(Duration.ofSeconds(30)).until(() -> Integer.valueOf(4).equals(as(AGENCY_A)
                .get("/partner/v1/webhooks/" + endpointId + "/deliveries").then().extract().path("items[0].attempts")));

        as(AGENCY_A).delete("/partner/v1/webhooks/" + endpointId).then().statusCode(204);
    }

    @Test
    void aWebhookUrlMustBeHttpOrHttps() {
        for (String url : List.of("ftp://agency-a.example/hooks", "not a url", "mailto:ops@agency-a.example", "/relative")) {
            as(AGENCY_A).body(Map.of("url", url)).post("/partner/v1/webhooks").then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("url"));
        }
        as(AGENCY_A).body(Map.of("url", "https://agency-a.example/hooks", "events", List.of("session.exploded")))
                .post("/partner/v1/webhooks").then().statusCode(400);
        as(founder("founder1")).body(Map.of("url", "https://x.example")).post("/partner/v1/webhooks").then().statusCode(403);
    }
}
