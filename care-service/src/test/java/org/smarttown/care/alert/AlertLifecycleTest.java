package org.smarttown.care.alert;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smarttown.care.Fixtures.AGENCY;
import static org.smarttown.care.Fixtures.CARER;
import static org.smarttown.care.Fixtures.FOUNDER;
import static org.smarttown.care.Fixtures.HUB;
import static org.smarttown.care.Fixtures.SUPERVISOR;
import static org.smarttown.care.Fixtures.reading;
import static org.smarttown.care.Fixtures.send;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.smarttown.care.EventProbe;
import org.smarttown.care.Fixtures;
import org.smarttown.commons.testing.Contracts;
import org.smarttown.commons.testing.TestTokens;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
class AlertLifecycleTest {

    static final String CARER2 = TestTokens.user("carer2", "care-worker");

    @Inject
    Fixtures fixtures;

    @Inject
    EventProbe probe;

    @Inject
    Pool pool;

    @Test
    void anAlertIsAcknowledgedDispatchedAndResolvedWithEveryStepRecorded() throws Exception {
        UUID residentId = fixtures.resident("처리");
        UUID alertId = sos(residentId);

        given().auth().oauth2(CARER).contentType(ContentType.JSON).body(Map.of("note", "calling her now"))
                .post("/api/care/alerts/" + alertId + "/acknowledge").then()
                .statusCode(200).body("status", equalTo("ACKNOWLEDGED")).body("acknowledgedBy", equalTo("carer1"))
                .body("escalateAt", nullValue());
        given().auth().oauth2(CARER).contentType(ContentType.JSON).body(Map.of("method", "VISIT", "note", "no answer"))
                .post("/api/care/alerts/" + alertId + "/dispatch").then()
                .statusCode(200).body("status", equalTo("DISPATCHED")).body("dispatchMethod", equalTo("VISIT"));
        given().auth().oauth2(CARER).contentType(ContentType.JSON)
                .body(Map.of("resolution", "VISITED_OK", "note", "pressed it by mistake while cleaning"))
                .post("/api/care/alerts/" + alertId + "/resolve").then()
                .statusCode(200).body("status", equalTo("RESOLVED")).body("resolution", equalTo("VISITED_OK"));

        given().auth().oauth2(CARER).get("/api/care/alerts/" + alertId).then()
                .statusCode(200)
                .body("steps.action", contains("RAISED", "ACKNOWLEDGED", "DISPATCHED_VISIT", "RESOLVED"))
                .body("steps.actor", contains("system", "carer1", "carer1", "carer1"))
                .body("steps[1].note", equalTo("calling her now"))
                .body("steps[3].at", notNullValue());

        await().atMost(Duration.ofSeconds(10)).until(() -> probe.about(residentId, "AlertResolved").size() == 1);
        JsonObject raised = probe.about(residentId, "AlertRaised").get(0);
        JsonObject resolved = probe.about(residentId, "AlertResolved").get(0);
        ObjectMapper mapper = new ObjectMapper();
        Contracts.assertSameShape(Contracts.sample("AlertRaised.json"), mapper.readTree(raised.encode()));
        Contracts.assertSameShape(Contracts.sample("AlertResolved.json"), mapper.readTree(resolved.encode()));
        assertEquals(alertId.toString(), resolved.getJsonObject("data").getString("alertId"));
        assertEquals("VISITED_OK", resolved.getJsonObject("data").getString("resolution"));
        assertEquals(false, resolved.getJsonObject("data").getBoolean("falseAlarm"));
    }

    @Test
    void aFalseAlarmCodeClosesAsFalseAlarm() {
        UUID alertId = sos(fixtures.resident("오작동"));
        acknowledge(alertId, CARER);
        given().auth().oauth2(CARER).contentType(ContentType.JSON).body(Map.of("resolution", "ACCIDENTAL_PRESS"))
                .post("/api/care/alerts/" + alertId + "/resolve").then()
                .statusCode(200).body("status", equalTo("FALSE_ALARM"));
    }

    @Test
    void closingNeedsAResolutionCodeAndChangesNothingWithoutOne() {
        UUID alertId = sos(fixtures.resident("코드없음"));
        acknowledge(alertId, CARER);
        given().auth().oauth2(CARER).contentType(ContentType.JSON).body(Map.of("note", "fine"))
                .post("/api/care/alerts/" + alertId + "/resolve").then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("resolution"));
        given().auth().oauth2(CARER).contentType(ContentType.JSON).body(Map.of("resolution", "ALL_GOOD"))
                .post("/api/care/alerts/" + alertId + "/resolve").then().statusCode(400);
        given().auth().oauth2(CARER).get("/api/care/alerts/" + alertId).then().body("status", equalTo("ACKNOWLEDGED"));
    }

    @Test
    void stepsFollowTheStateMachine() {
        UUID alertId = sos(fixtures.resident("순서"));
        given().auth().oauth2(CARER).contentType(ContentType.JSON).body(Map.of("resolution", "VISITED_OK"))
                .post("/api/care/alerts/" + alertId + "/resolve").then()
                .statusCode(409).body("type", equalTo("urn:smarttown:problem:alert-state"));
        given().auth().oauth2(CARER).contentType(ContentType.JSON).body(Map.of("method", "CALL_119"))
                .post("/api/care/alerts/" + alertId + "/dispatch").then().statusCode(409);
        acknowledge(alertId, CARER);
        given().auth().oauth2(CARER).contentType(ContentType.JSON).body("{}")
                .post("/api/care/alerts/" + alertId + "/acknowledge").then().statusCode(409);
        given().auth().oauth2(CARER).get("/api/care/alerts/" + alertId).then()
                .body("steps.action", contains("RAISED", "ACKNOWLEDGED"));
    }

    @Test
    void onlyWhoeverTookAnAlertOrASupervisorCarriesItFurther() {
        UUID alertId = sos(fixtures.resident("담당"));
        acknowledge(alertId, CARER);
        given().auth().oauth2(CARER2).contentType(ContentType.JSON).body(Map.of("method", "VISIT"))
                .post("/api/care/alerts/" + alertId + "/dispatch").then()
                .statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(CARER2).contentType(ContentType.JSON).body(Map.of("resolution", "VISITED_OK"))
                .post("/api/care/alerts/" + alertId + "/resolve").then().statusCode(403);
        given().auth().oauth2(CARER).get("/api/care/alerts/" + alertId).then().body("status", equalTo("ACKNOWLEDGED"));
        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON).body(Map.of("resolution", "CALLED_OK"))
                .post("/api/care/alerts/" + alertId + "/resolve").then().statusCode(200);
    }

    @Test
    void anUnacknowledgedCriticalAlertEscalatesAndQueuesTheEmergencyContacts() throws Exception {
        UUID residentId = fixtures.resident("에스컬레이션");
        UUID alertId = sos(residentId);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().auth().oauth2(SUPERVISOR)
                .get("/api/care/alerts/" + alertId).then().body("status", equalTo("ESCALATED")));
        given().auth().oauth2(SUPERVISOR).queryParam("status", "ESCALATED").queryParam("residentId", residentId)
                .get("/api/care/alerts").then().body("totalItems", equalTo(1));
        given().auth().oauth2(SUPERVISOR).get("/api/care/alerts/" + alertId).then()
                .body("steps.action", contains("RAISED", "ESCALATED"))
                .body("steps[1].note", equalTo("not acknowledged within 4 s; supervisors alerted, 1 emergency contact(s) queued"));

        await().atMost(Duration.ofSeconds(10)).until(() -> probe.about(residentId, "AlertEscalated").size() == 1);
        JsonObject escalated = probe.about(residentId, "AlertEscalated").get(0);
        Contracts.assertSameShape(Contracts.sample("AlertEscalated.json"), new ObjectMapper().readTree(escalated.encode()));
        assertEquals("박민수", escalated.getJsonObject("data").getJsonArray("notify").getJsonObject(0).getString("name"));
        assertEquals(1, escalated.getJsonObject("data").getJsonArray("notify").getJsonObject(0).getInteger("order"));

        // An escalated alert is still acknowledged in the ordinary way.
        acknowledge(alertId, SUPERVISOR);
    }

    @Test
    void acknowledgingStopsEscalation() {
        UUID residentId = fixtures.resident("확인함");
        UUID alertId = sos(residentId);
        acknowledge(alertId, CARER);
        OffsetDateTime deadline = OffsetDateTime.parse(given().auth().oauth2(CARER).get("/api/care/alerts/" + alertId)
                .then().extract().path("raisedAt")).plusSeconds(4);

        // Wait past the deadline and past a few scans, then look: nothing escalated.
        await().atMost(Duration.ofSeconds(15)).until(() -> OffsetDateTime.now().isAfter(deadline.plusSeconds(2)));
        given().auth().oauth2(CARER).get("/api/care/alerts/" + alertId).then()
                .body("status", equalTo("ACKNOWLEDGED")).body("escalatedAt", nullValue());
        assertTrue(probe.about(residentId, "AlertEscalated").isEmpty());
    }

    @Test
    void aDeadlineStoredBeforeARestartStillEscalates() {
        // What a service that stopped between raising and the deadline leaves behind: only the row.
        // This process never saw the alert being raised, so only the stored deadline can escalate it.
        UUID residentId = fixtures.resident("재시작");
        UUID alertId = UUID.randomUUID();
        OffsetDateTime raised = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(3);
        pool.preparedQuery("""
                insert into alert (id, resident_id, kind, level, status, explanation, occurrences, raised_at,
                                   last_seen_at, updated_at, escalate_at)
                values ($1, $2, 'FALL', 'CRITICAL', 'RAISED', $3, 1, $4, $4, $4, $5)""")
                .execute(Tuple.of(alertId, residentId,
                        "{\"rule\":\"EMERGENCY_EVENT\",\"seen\":\"FALL\",\"against\":\"every FALL\",\"window\":\"at once\"}",
                        raised, raised.plusMinutes(2)))
                .await().indefinitely();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(SUPERVISOR)
                .get("/api/care/alerts/" + alertId).then()
                .body("status", equalTo("ESCALATED")).body("escalatedAt", notNullValue()));
        await().atMost(Duration.ofSeconds(10)).until(() -> probe.about(residentId, "AlertEscalated").size() == 1);
    }

    @Test
    void statsShowTimeToAcknowledgeAndFalseAlarmRateByLevel() {
        UUID alertId = sos(fixtures.resident("통계"));
        acknowledge(alertId, CARER);
        given().auth().oauth2(CARER).contentType(ContentType.JSON).body(Map.of("resolution", "FALSE_ALARM"))
                .post("/api/care/alerts/" + alertId + "/resolve").then().statusCode(200);

        given().auth().oauth2(SUPERVISOR).get("/api/care/alerts/stats").then()
                .statusCode(200)
                .body("levels.find { it.level == 'CRITICAL' }.acknowledged", org.hamcrest.Matchers.greaterThanOrEqualTo(1))
                .body("levels.find { it.level == 'CRITICAL' }.meanSecondsToAcknowledge", notNullValue())
                .body("levels.find { it.level == 'CRITICAL' }.falseAlarms", org.hamcrest.Matchers.greaterThanOrEqualTo(1))
                .body("levels.find { it.level == 'CRITICAL' }.falseAlarmRate", notNullValue());
        given().get("/q/metrics").then().body(org.hamcrest.Matchers.containsString("care_alert_time_to_acknowledge"));
        given().auth().oauth2(SUPERVISOR).queryParam("from", "2026-11-25T10:00:00Z").queryParam("to", "2026-11-25T09:00:00Z")
                .get("/api/care/alerts/stats").then().statusCode(400);
    }

    @Test
    void alertsAreForCareStaffOnly() {
        UUID alertId = sos(fixtures.resident("권한"));
        for (String token : List.of(HUB, FOUNDER, AGENCY)) {
            given().auth().oauth2(token).get("/api/care/alerts").then().statusCode(403);
            given().auth().oauth2(token).get("/api/care/alerts/" + alertId).then().statusCode(403);
            given().auth().oauth2(token).get("/api/care/alerts/stats").then().statusCode(403);
            given().auth().oauth2(token).get("/api/care/alerts/stream").then().statusCode(403);
            given().auth().oauth2(token).contentType(ContentType.JSON).body("{}")
                    .post("/api/care/alerts/" + alertId + "/acknowledge").then().statusCode(403);
            given().auth().oauth2(token).get("/api/care/profiles").then().statusCode(403);
        }
        given().get("/api/care/alerts").then().statusCode(401);
        given().contentType(ContentType.JSON).body("{}").post("/api/care/alerts/" + alertId + "/acknowledge").then()
                .statusCode(401);
        given().auth().oauth2(CARER).get("/api/care/alerts/" + alertId).then().body("status", equalTo("RAISED"));
    }

    @Test
    void anUnknownAlertIsA404() {
        given().auth().oauth2(CARER).get("/api/care/alerts/" + UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(CARER).contentType(ContentType.JSON).body("{}")
                .post("/api/care/alerts/" + UUID.randomUUID() + "/acknowledge").then().statusCode(404);
    }

    private UUID sos(UUID residentId) {
        String button = fixtures.device("EMERGENCY_BUTTON", residentId);
        send(List.of(reading(button, "SOS", 1))).statusCode(202);
        String id = given().auth().oauth2(CARER).queryParam("residentId", residentId).get("/api/care/alerts").then()
                .statusCode(200).body("totalItems", equalTo(1)).extract().path("items[0].id");
        return UUID.fromString(id);
    }

    private static void acknowledge(UUID alertId, String token) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{}")
                .post("/api/care/alerts/" + alertId + "/acknowledge").then().statusCode(200);
    }
}
