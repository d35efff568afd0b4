package org.smarttown.mentoring.webhook;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smarttown.mentoring.Api.AGENCY_A;
import static org.smarttown.mentoring.Api.AGENCY_B;
import static org.smarttown.mentoring.Api.as;
import static org.smarttown.mentoring.Api.founder;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smarttown.mentoring.Api;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;

/**
 * Which session events reach which endpoint: an endpoint that lists no events gets every one of its
 * agency's, one that lists some gets only those, and another agency's endpoint gets none of them.
 */
@QuarkusTest
class WebhookEventsTest {

    record Received(String path, String event, String signature, String timestamp, String body) {
        JsonObject json() {
            return new JsonObject(body);
        }
    }

    private final LocalDate monday = Api.mondayAhead(12);
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<String[]> endpoints = new ArrayList<>();
    private Vertx vertx;
    private HttpServer server;

    @BeforeEach
    void receiver() throws Exception {
        Api.agencies();
        vertx = Vertx.vertx();
        server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            received.add(new Received(request.path(), request.getHeader("X-SmartTown-Event"),
                    request.getHeader("X-SmartTown-Signature"), request.getHeader("X-SmartTown-Timestamp"),
                    body.toString(StandardCharsets.UTF_8)));
            request.response().setStatusCode(204).end();
        })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void close() throws Exception {
        endpoints.forEach(e -> as(e[0]).delete("/partner/v1/webhooks/" + e[1]));
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private String[] register(String agencyToken, String path, List<String> events) {
        var answer = as(agencyToken).body(Map.of("url", "http://127.0.0.1:" + server.actualPort() + path, "events", events))
                .post("/partner/v1/webhooks").then().statusCode(201).extract();
        String[] endpoint = { agencyToken, answer.path("id"), answer.path("secret") };
        endpoints.add(endpoint);
        return endpoint;
    }

    private List<String> eventsAt(String path, Set<String> sessions) {
        return received.stream().filter(r -> r.path().equals(path))
                .filter(r -> sessions.contains(r.json().getJsonObject("data").getString("sessionId")))
                .map(Received::event).toList();
    }

    private static List<String> sorted(String... events) {
        return sorted(List.of(events));
    }

    private static List<String> sorted(List<String> events) {
        return events.stream().sorted().toList();
    }

    @Test
    void everySessionEventReachesTheEndpointsThatWantItAndNoOtherAgencysEndpoint() {
        String[] all = register(AGENCY_A, "/a-all", List.of());
        String[] cancelledOnly = register(AGENCY_A, "/a-cancelled", List.of("session.cancelled"));
        String[] otherAgency = register(AGENCY_B, "/b-all", List.of());

        String mentorId = Api.mentor(AGENCY_A, "Evented mentor", List.of("webhook-events"), Api.everyDay("09:00", "12:00"));
        Map<String, Object> type = Api.sessionType("MENTORING", 60);
        type.put("requiresConfirmation", true);
        String typeId = Api.createSessionType(AGENCY_A, type);
        String first = as(founder("wh-events-1")).body(Api.booking(mentorId, typeId, Api.at(monday, "09:00")))
                .post("/api/mentoring/sessions").then().statusCode(201).extract().path("id");
        as(AGENCY_A).post("/partner/v1/sessions/" + first + "/confirm").then().statusCode(200);
        as(AGENCY_A).body(Map.of("start", Api.at(monday, "10:00"))).post("/partner/v1/sessions/" + first + "/reschedule")
                .then().statusCode(200);
        as(AGENCY_A).body(Map.of("side", "GUEST")).post("/partner/v1/sessions/" + first + "/no-show").then().statusCode(200);
        String second = as(founder("wh-events-2")).body(Api.booking(mentorId, typeId, Api.at(monday, "11:00")))
                .post("/api/mentoring/sessions").then().statusCode(201).extract().path("id");
        as(founder("wh-events-2")).body(Map.of("reason", "clash")).post("/api/mentoring/sessions/" + second + "/cancel")
                .then().statusCode(200);
        String third = as(founder("wh-events-3")).body(Api.booking(mentorId, typeId, Api.at(monday.plusDays(1), "09:00")))
                .post("/api/mentoring/sessions").then().statusCode(201).extract().path("id");
        as(AGENCY_A).post("/partner/v1/sessions/" + third + "/decline").then().statusCode(200);
        String fourth = as(founder("wh-events-4")).body(Api.booking(mentorId, typeId, Api.at(monday.plusDays(1), "10:00")))
                .post("/api/mentoring/sessions").then().statusCode(201).extract().path("id");
        as(AGENCY_A).post("/partner/v1/sessions/" + fourth + "/confirm").then().statusCode(200);
        as(AGENCY_A).post("/partner/v1/sessions/" + fourth + "/complete").then().statusCode(200);

        Set<String> sessions = Set.of(first, second, third, fourth);
        await().atMost(Duration.ofSeconds(30)).until(() -> eventsAt("/a-all", sessions).size() >= 11
                && eventsAt("/a-cancelled", sessions).size() >= 1);
        // Deliveries promise no order (a pass takes several due rows at once; retries come later).
        assertEquals(sorted("session.requested", "session.confirmed", "session.rescheduled", "session.no_show"),
                sorted(eventsAt("/a-all", Set.of(first))));
        assertEquals(sorted("session.requested", "session.cancelled"), sorted(eventsAt("/a-all", Set.of(second))));
        assertEquals(sorted("session.requested", "session.declined"), sorted(eventsAt("/a-all", Set.of(third))));
        assertEquals(sorted("session.requested", "session.confirmed", "session.completed"),
                sorted(eventsAt("/a-all", Set.of(fourth))));
        assertEquals(List.of("session.cancelled"), eventsAt("/a-cancelled", sessions));

        // Each body names its type and carries the event's data, signed with its own endpoint's secret.
        for (Received r : received.stream().filter(r -> !r.path().equals("/b-all")).toList()) {
            String secret = r.path().equals("/a-all") ? all[2] : cancelledOnly[2];
            assertEquals(WebhookSigner.sign(secret, Long.parseLong(r.timestamp()), r.body()), r.signature());
            assertEquals(r.event(), r.json().getString("type"));
            assertEquals("agency-a", r.json().getJsonObject("data").getString("agencyId"));
        }
        JsonObject rescheduled = received.stream().filter(r -> "session.rescheduled".equals(r.event())
                && first.equals(r.json().getJsonObject("data").getString("sessionId"))).findFirst().orElseThrow().json();
        assertEquals(Api.at(monday, "09:00"), rescheduled.getJsonObject("data").getString("previousStart"));
        assertEquals(Api.at(monday, "10:00"), rescheduled.getJsonObject("data").getString("start"));

        // Deliveries are queued in the session change's own transaction, so agency-b's log is final here.
        assertTrue(eventsAt("/b-all", sessions).isEmpty());
        as(AGENCY_B).get("/partner/v1/webhooks/" + otherAgency[1] + "/deliveries").then().statusCode(200)
                .body("totalItems", equalTo(0));
        as(AGENCY_A).get("/partner/v1/webhooks/" + cancelledOnly[1] + "/deliveries").then().statusCode(200)
                .body("totalItems", equalTo(1)).body("items[0].eventType", equalTo("session.cancelled"));
    }
}
