package org.smarttown.mentoring.webhook;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.smarttown.mentoring.Api.AGENCY_A;
import static org.smarttown.mentoring.Api.as;
import static org.smarttown.mentoring.Api.founder;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.smarttown.mentoring.Api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Deliveries live in the database, not in memory: with this instance not dispatching (as after a
 * crash, before any dispatcher runs again), a session change leaves a PENDING delivery with no
 * attempt, and a dispatcher pass started later sends it from the stored row alone.
 */
@QuarkusTest
@TestProfile(WebhookDurabilityTest.NotDispatching.class)
class WebhookDurabilityTest {

    public static class NotDispatching implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("smarttown.webhooks.dispatch-enabled", "false");
        }
    }

    @Inject
    WebhookDispatcher dispatcher;

    @Inject
    Pool pool;

    @Test
    void aStoredDeliveryIsSentByALaterDispatcherPass() throws Exception {
        Api.agencies();
        AtomicInteger received = new AtomicInteger();
        Vertx vertx = Vertx.vertx();
        try {
            HttpServer server = vertx.createHttpServer()
                    .requestHandler(request -> request.body().onSuccess(body -> {
                        received.incrementAndGet();
                        request.response().setStatusCode(204).end();
                    }))
                    .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            String endpointId = as(AGENCY_A)
                    .body(Map.of("url", "http://127.0.0.1:" + server.actualPort() + "/later", "events", List.of("session.confirmed")))
                    .post("/partner/v1/webhooks").then().statusCode(201).extract().path("id");
            String mentorId = Api.mentor(AGENCY_A, "Durable mentor", List.of("durable"), Api.everyDay("09:00", "12:00"));
            String typeId = Api.createSessionType(AGENCY_A, Api.sessionType("MENTORING", 60));
            LocalDate monday = Api.mondayAhead(9);
            as(founder("durable-founder")).body(Api.booking(mentorId, typeId, Api.at(monday, "09:00")))
                    .post("/api/mentoring/sessions").then().statusCode(201);
            // A refused booking rolls back whole: it leaves no delivery behind.
            as(founder("durable-founder")).body(Api.booking(mentorId, typeId, Api.at(monday, "09:00")))
                    .post("/api/mentoring/sessions").then().statusCode(409);

            as(AGENCY_A).get("/partner/v1/webhooks/" + endpointId + "/deliveries").then().statusCode(200)
                    .body("items.size()", equalTo(1)).body("items[0].status", equalTo("PENDING"))
                    .body("items[0].attempts", equalTo(0));
            assertEquals(0, received.get());

            dispatcher.dispatchNow();
            await().atMost(Duration.ofSeconds(30)).until(() -> "DELIVERED".equals(as(AGENCY_A)
                    .get("/partner/v1/webhooks/" + endpointId + "/deliveries").then().extract().path("items[0].status")));
            assertEquals(1, received.get());
            as(AGENCY_A).delete("/partner/v1/webhooks/" + endpointId).then().statusCode(204);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aRemovedEndpointGetsNoneOfItsStillPendingDeliveries() throws Exception {
        Api.agencies();
        List<String> paths = new CopyOnWriteArrayList<>();
        Vertx vertx = Vertx.vertx();
        try {
            HttpServer server = vertx.createHttpServer()
                    .requestHandler(request -> request.body().onSuccess(body -> {
                        paths.add(request.path());
                        request.response().setStatusCode(204).end();
                    }))
                    .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            String base = "http://127.0.0.1:" + server.actualPort();
            String kept = as(AGENCY_A).body(Map.of("url", base + "/kept", "events", List.of("session.requested")))
                    .post("/partner/v1/webhooks").then().statusCode(201).extract().path("id");
            String removed = as(AGENCY_A).body(Map.of("url", base + "/removed", "events", List.of("session.requested")))
                    .post("/partner/v1/webhooks").then().statusCode(201).extract().path("id");
            String mentorId = Api.mentor(AGENCY_A, "Removed-hook mentor", List.of("durable"), Api.everyDay("09:00", "12:00"));
            String typeId = Api.createSessionType(AGENCY_A, Api.sessionType("MENTORING", 60));
            as(founder("removed-hook-founder")).body(Api.booking(mentorId, typeId, Api.at(Api.mondayAhead(9), "10:00")))
                    .post("/api/mentoring/sessions").then().statusCode(201);
            String pending = as(AGENCY_A).get("/partner/v1/webhooks/" + removed + "/deliveries").then().statusCode(200)
                    .body("items[0].status", equalTo("PENDING")).extract().path("items[0].id");

            as(AGENCY_A).delete("/partner/v1/webhooks/" + removed).then().statusCode(204);
            as(AGENCY_A).post("/partner/v1/webhooks/deliveries/" + pending + "/redeliver").then().statusCode(404);
            // Both deliveries fell due together; once the kept one is sent, a pass has seen the other.
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                dispatcher.pass().await().atMost(Duration.ofSeconds(20));
                return paths.contains("/kept");
            });
            dispatcher.pass().await().atMost(Duration.ofSeconds(20));
            assertEquals(List.of("/kept"), paths);
            Row row = pool.preparedQuery("select status, attempts from webhook_delivery where id = $1")
                    .execute(Tuple.of(UUID.fromString(pending))).await().atMost(Duration.ofSeconds(10)).iterator().next();
            assertEquals(0, row.getInteger("attempts"));
            as(AGENCY_A).delete("/partner/v1/webhooks/" + kept).then().statusCode(204);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}
