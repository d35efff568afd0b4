package org.smarttown.care.visit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smarttown.care.Fixtures.CARER;
import static org.smarttown.care.Fixtures.SUPERVISOR;
import static org.smarttown.care.Fixtures.reading;
import static org.smarttown.care.Fixtures.send;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.smarttown.care.EventProbe;
import org.smarttown.care.Fixtures;
import org.smarttown.commons.testing.Contracts;
import org.smarttown.commons.testing.TestTokens;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.vertx.core.json.JsonObject;

@QuarkusTest
class VisitTest {

    static final String CARER2 = TestTokens.user("carer2", "care-worker");

    @Inject
    Fixtures fixtures;

    @Inject
    EventProbe probe;

    @Inject
    VisitService visits;

    static String plan(UUID residentId, OffsetDateTime dueAt) {
        return given().auth().oauth2(CARER).contentType(ContentType.JSON)
                .body(Map.of("residentId", residentId, "dueAt", dueAt.toString(), "purpose", "weekly check"))
                .post("/api/care/visits").then().statusCode(201)
                .body("status", equalTo("PLANNED")).body("origin", equalTo("MANUAL"))
                .body("assignedTo", equalTo("carer1")).extract().path("id");
    }

    @Test
    void aVisitPastItsDueTimeIsPublishedOnceAsOverdueListedForSupervisorsAndClosedWhenDone() throws Exception {
        UUID residentId = fixtures.resident("방문지연");
        String visitId = plan(residentId, OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(2));

        await().atMost(Duration.ofSeconds(15)).until(() -> probe.about(residentId, "VisitOverdue").size() == 1);
        JsonObject overdue = probe.about(residentId, "VisitOverdue").get(0);
        Contracts.assertSameShape(Contracts.sample("VisitOverdue.json"), new ObjectMapper().readTree(overdue.encode()));
        assertEquals(visitId, overdue.getJsonObject("data").getString("visitId"));
        given().auth().oauth2(SUPERVISOR).queryParam("size", 100).get("/api/care/visits/overdue").then().statusCode(200)
                .body("items.id", hasItem(visitId));
        given().auth().oauth2(CARER).get("/api/care/visits/overdue").then().statusCode(403);
        given().auth().oauth2(CARER).get("/api/care/visits/" + visitId).then().body("overdue", equalTo(true));

        given().auth().oauth2(CARER).contentType(ContentType.JSON)
                .body(Map.of("outcome", "SEEN_WITH_CONCERNS", "notes", "low mood, not eating well"))
                .post("/api/care/visits/" + visitId + "/done").then().statusCode(200)
                .body("status", equalTo("DONE")).body("overdue", equalTo(false)).body("closedBy", equalTo("carer1"));
        given().auth().oauth2(SUPERVISOR).get("/api/care/visits/" + visitId).then()
                .body("outcome", equalTo("SEEN_WITH_CONCERNS")).body("notes", equalTo("low mood, not eating well"))
                .body("closedAt", org.hamcrest.Matchers.notNullValue());
        given().auth().oauth2(CARER).queryParam("residentId", residentId).queryParam("status", "DONE").get("/api/care/visits")
                .then().body("items.id", contains(visitId));
        await().atMost(Duration.ofSeconds(10)).until(() -> probe.about(residentId, "VisitClosed").size() == 1);
        JsonObject closed = probe.about(residentId, "VisitClosed").get(0);
        Contracts.assertSameShape(Contracts.sample("VisitClosed.json"), new ObjectMapper().readTree(closed.encode()));
        assertEquals(true, closed.getJsonObject("data").getBoolean("wasOverdue"));
        given().auth().oauth2(SUPERVISOR).get("/api/care/visits/overdue").then().body("items.id", not(hasItem(visitId)));
        // Scans go on; the overdue visit was published once.
        Thread.sleep(1500);
        assertEquals(1, probe.about(residentId, "VisitOverdue").size());
    }

    @Test
    void scannersRunningAtOnceMarkEachOverdueVisitOnce() throws Exception {
        UUID residentId = fixtures.resident("동시스캔");
        OffsetDateTime due = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(3);
        Set<String> planned = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            planned.add(plan(residentId, due));
        }
        while (OffsetDateTime.now(ZoneOffset.UTC).isBefore(due.plusNanos(1_000_000))) {
            Thread.sleep(10);
        }
        // Four scans at once (beside the service's own): as several replicas would run them.
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> scans = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                scans.add(threads.submit(this::scanOverdue));
            }
            for (Future<Integer> scan : scans) {
                scan.get(30, TimeUnit.SECONDS); // a scan that failed (a deadlock, a version conflict) throws here
            }
        } finally {
            threads.shutdownNow();
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> probe.about(residentId, "VisitOverdue").size() >= 20);
        Thread.sleep(1500); // later scans publish nothing more
        List<String> published = probe.about(residentId, "VisitOverdue").stream()
                .map(event -> event.getJsonObject("data").getString("visitId")).toList();
        assertEquals(20, published.size(), "each overdue visit published once: " + published);
        assertEquals(planned, new HashSet<>(published));
        closeAll(planned);
    }

    /**
     * Closes a test's visits again: the test database outlives the run, and overdue visits left
     * behind would crowd the supervisors' list for the other tests and the next runs.
     */
    private static void closeAll(Collection<String> visitIds) {
        for (String visitId : visitIds) {
            given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON).body(Map.of("outcome", "SEEN_WELL"))
                    .post("/api/care/visits/" + visitId + "/done").then().statusCode(200);
        }
    }

    private int scanOverdue() throws Exception {
        try {
            return VertxContextSupport.subscribeAndAwait(visits::markOverdue);
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    @Test
    void supervisorsSeeOverdueVisitsMostOverdueFirstAndForOneWorker() {
        UUID residentId = fixtures.resident("방문순서");
        // Far enough ahead that each is still in the future when planned on a slow machine.
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(3);
        String later = plan(residentId, now.plusSeconds(4));
        String sooner = plan(residentId, now);
        String elsewhere = given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON)
                .body(Map.of("residentId", residentId, "dueAt", now.plusSeconds(2).toString(), "purpose", "check",
                        "assignedTo", "carer2"))
                .post("/api/care/visits").then().statusCode(201).body("assignedTo", equalTo("carer2")).extract().path("id");
        String notYet = plan(residentId, now.plusDays(1));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(SUPERVISOR)
                .queryParam("size", 100).get("/api/care/visits/overdue").then()
                .body("items.findAll { it.residentId == '" + residentId + "' }.id", contains(sooner, elsewhere, later)));
        given().auth().oauth2(SUPERVISOR).queryParam("assignedTo", "carer2").queryParam("size", 100)
                .get("/api/care/visits/overdue").then()
                .body("items.findAll { it.residentId == '" + residentId + "' }.id", contains(elsewhere))
                .body("items.overdue", everyItem(equalTo(true)));
        given().auth().oauth2(CARER).get("/api/care/visits/" + notYet).then().body("overdue", equalTo(false));
        closeAll(List.of(sooner, elsewhere, later, notYet));
    }

    @Test
    void onlyTheAssignedWorkerOrASupervisorClosesAVisitAndOnlyOnce() {
        UUID residentId = fixtures.resident("방문담당");
        String visitId = plan(residentId, OffsetDateTime.now(ZoneOffset.UTC).plusDays(1));
        given().auth().oauth2(CARER2).contentType(ContentType.JSON).body(Map.of("outcome", "SEEN_WELL"))
                .post("/api/care/visits/" + visitId + "/done").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(CARER).contentType(ContentType.JSON).body(Map.of("reason", "resident in hospital"))
                .post("/api/care/visits/" + visitId + "/cancel").then().statusCode(403);
        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON).body(Map.of("reason", "resident in hospital"))
                .post("/api/care/visits/" + visitId + "/cancel").then().statusCode(200).body("status", equalTo("CANCELLED"));
        given().auth().oauth2(CARER).contentType(ContentType.JSON).body(Map.of("outcome", "SEEN_WELL"))
                .post("/api/care/visits/" + visitId + "/done").then().statusCode(409)
                .body("type", equalTo("urn:smarttown:problem:visit-state"));
    }

    @Test
    void badVisitsAre400sAndVisitsNeedAnOpenProfile() {
        UUID residentId = fixtures.resident("방문검증");
        given().auth().oauth2(CARER).contentType(ContentType.JSON)
                .body(Map.of("residentId", residentId, "dueAt", OffsetDateTime.now().minusHours(1).toString(), "purpose", "x"))
                .post("/api/care/visits").then().statusCode(400).body("errors.field", contains("dueAt"));
        given().auth().oauth2(CARER).contentType(ContentType.JSON)
                .body(Map.of("residentId", residentId, "dueAt", OffsetDateTime.now().plusHours(1).toString()))
                .post("/api/care/visits").then().statusCode(400).body("errors.field", contains("purpose"));
        given().auth().oauth2(CARER).contentType(ContentType.JSON)
                .body(Map.of("residentId", UUID.randomUUID(), "dueAt", OffsetDateTime.now().plusHours(1).toString(), "purpose", "x"))
                .post("/api/care/visits").then().statusCode(404);
        String visitId = plan(residentId, OffsetDateTime.now(ZoneOffset.UTC).plusDays(1));
        given().auth().oauth2(CARER).contentType(ContentType.JSON).body(Map.of("outcome", "FINE"))
                .post("/api/care/visits/" + visitId + "/done").then().statusCode(400);
        given().auth().oauth2(CARER).get("/api/care/visits/" + visitId).then().body("status", equalTo("PLANNED"));
    }

    @Test
    void anAlertDispatchedAsAVisitPlansOne() {
        UUID residentId = fixtures.resident("출동방문");
        String button = fixtures.device("EMERGENCY_BUTTON", residentId);
        send(List.of(reading(button, "SOS", 1))).statusCode(202);
        String alertId = given().auth().oauth2(CARER).queryParam("residentId", residentId).get("/api/care/alerts").then()
                .extract().path("items[0].id");
        given().auth().oauth2(CARER).contentType(ContentType.JSON).body("{}")
                .post("/api/care/alerts/" + alertId + "/acknowledge").then().statusCode(200);
        given().auth().oauth2(CARER).contentType(ContentType.JSON).body(Map.of("method", "VISIT"))
                .post("/api/care/alerts/" + alertId + "/dispatch").then().statusCode(200);

        given().auth().oauth2(CARER).queryParam("residentId", residentId).get("/api/care/visits").then()
                .body("totalItems", equalTo(1))
                .body("items[0].origin", equalTo("ALERT"))
                .body("items[0].sourceId", equalTo(alertId))
                .body("items[0].assignedTo", equalTo("carer1"));
        String dueAt = given().auth().oauth2(CARER).queryParam("residentId", residentId).get("/api/care/visits").then()
                .extract().path("items[0].dueAt");
        assertTrue(OffsetDateTime.parse(dueAt).isAfter(OffsetDateTime.now().plusHours(3)), dueAt);
    }
}
