package org.smarttown.care.profile;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.smarttown.commons.testing.TestTokens;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
class CareProfileLifecycleTest {

    static final String CARER = TestTokens.user("carer1", "care-worker");
    static final String SUPERVISOR = TestTokens.user("supervisor1", "care-supervisor", "care-worker");

    @Inject
    ResidentEvents events;

    @Inject
    Pool pool;

    @Test
    void aProfileCarriesTheResponderPlanAndTheDefaultRhythm() {
        UUID residentId = openProfile("김순자");

        given().auth().oauth2(CARER).get("/api/care/profiles/" + residentId).then()
                .statusCode(200)
                .body("responderPlan.assignedCareWorker", equalTo("carer1"))
                .body("responderPlan.emergencyContacts[0].order", equalTo(1))
                .body("responderPlan.emergencyContacts[0].phone", equalTo("010-2222-3333"))
                .body("rhythm.activeFrom", equalTo("07:00"))
                .body("rhythm.activeTo", equalTo("22:00"))
                .body("rhythm.quietPeriodMinutes", equalTo(240))
                .body("rhythm.own", equalTo(false));
    }

    @Test
    void aResidentUpdateRefreshesTheProfile() {
        UUID residentId = openProfile("이전이름");
        ObjectNode update = ResidentEvents.updated(residentId, "새이름", true);
        ((ObjectNode) update.get("data")).put("assignedCareWorker", "carer2");
        events.send(update);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(CARER)
                .get("/api/care/profiles/" + residentId).then()
                .body("name", equalTo("새이름"))
                .body("responderPlan.assignedCareWorker", equalTo("carer2")));
    }

    @Test
    void withdrawnConsentClosesTheProfileAndKeepsNothingButTheId() {
        UUID residentId = openProfile("철회할사람");
        events.send(ResidentEvents.consent(residentId, "CARE_SERVICES", false));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(CARER)
                .get("/api/care/profiles/" + residentId).then()
                .statusCode(200)
                .body("status", equalTo("CLOSED"))
                .body("closedReason", equalTo("CONSENT_WITHDRAWN"))
                .body("name", nullValue())
                .body("birthDate", nullValue())
                .body("complex", nullValue())
                .body("responderPlan.assignedCareWorker", nullValue())
                .body("responderPlan.emergencyContacts", empty()));
        Row row = pool.preparedQuery("select * from care_profile where resident_id = $1").execute(Tuple.of(residentId))
                .await().indefinitely().iterator().next();
        assertEquals(null, row.getString("name"));
        assertEquals(null, row.getString("dong"));
        assertEquals(null, row.getLocalDate("birth_date"));
        assertEquals("[]", row.getString("emergency_contacts"));
    }

    @Test
    void consentForAnotherPurposeChangesNothing() {
        UUID residentId = openProfile("다른목적");
        ObjectNode other = ResidentEvents.consent(residentId, "MARKETING", false);
        events.send(other);

        awaitProcessed(other);
        given().auth().oauth2(CARER).get("/api/care/profiles/" + residentId).then()
                .body("status", equalTo("OPEN")).body("name", equalTo("다른목적"));
    }

    @Test
    void consentGivenAgainInAnUpdateReopensTheProfile() {
        UUID residentId = openProfile("다시동의");
        events.send(ResidentEvents.updated(residentId, "다시동의", false));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(CARER)
                .get("/api/care/profiles/" + residentId).then().body("status", equalTo("CLOSED")).body("name", nullValue()));

        events.send(ResidentEvents.updated(residentId, "다시동의", true));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(CARER)
                .get("/api/care/profiles/" + residentId).then()
                .body("status", equalTo("OPEN")).body("name", equalTo("다시동의")).body("closedReason", nullValue()));
    }

    @Test
    void aDeactivatedResidentsProfileIsClosedOnceWithTheReason() {
        UUID residentId = openProfile("이사간사람");
        ObjectNode deactivated = ResidentEvents.deactivated(residentId, "MOVED_OUT");
        events.send(deactivated);
        events.send(deactivated);

        awaitProcessed(deactivated);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(CARER)
                .get("/api/care/profiles/" + residentId).then()
                .body("status", equalTo("CLOSED"))
                .body("closedReason", equalTo("MOVED_OUT"))
                .body("name", equalTo("이사간사람")));
    }

    @Test
    void aSupervisorSetsAResidentsOwnRhythm() {
        UUID residentId = openProfile("리듬");

        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON)
                .body("{\"activeFrom\":\"06:30\",\"activeTo\":\"21:00\",\"quietPeriodMinutes\":180}")
                .patch("/api/care/profiles/" + residentId).then()
                .statusCode(200)
                .body("rhythm.activeFrom", equalTo("06:30"))
                .body("rhythm.activeTo", equalTo("21:00"))
                .body("rhythm.quietPeriodMinutes", equalTo(180))
                .body("rhythm.own", equalTo(true));
        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON).body("{\"quietPeriodMinutes\":120}")
                .patch("/api/care/profiles/" + residentId).then()
                .statusCode(200)
                .body("rhythm.activeFrom", equalTo("06:30"))
                .body("rhythm.quietPeriodMinutes", equalTo(120));
    }

    @Test
    void aBadRhythmIsRefusedAndChangesNothing() {
        UUID residentId = openProfile("나쁜값");

        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON)
                .body("{\"activeFrom\":\"25:00\",\"quietPeriodMinutes\":5}")
                .patch("/api/care/profiles/" + residentId).then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItems("activeFrom", "quietPeriodMinutes"));
        given().auth().oauth2(CARER).get("/api/care/profiles/" + residentId).then()
                .body("rhythm.activeFrom", equalTo("07:00")).body("rhythm.quietPeriodMinutes", equalTo(240));
    }

    @Test
    void onlyASupervisorChangesTheRhythm() {
        UUID residentId = openProfile("권한");
        String body = "{\"quietPeriodMinutes\":60}";
        given().auth().oauth2(CARER).contentType(ContentType.JSON).body(body)
                .patch("/api/care/profiles/" + residentId).then().statusCode(403);
        given().auth().oauth2(TestTokens.user("founder1", "founder")).contentType(ContentType.JSON).body(body)
                .patch("/api/care/profiles/" + residentId).then().statusCode(403);
        given().auth().oauth2(TestTokens.agency("agency-a", "A")).contentType(ContentType.JSON).body(body)
                .patch("/api/care/profiles/" + residentId).then().statusCode(403);
        given().contentType(ContentType.JSON).body(body).patch("/api/care/profiles/" + residentId).then().statusCode(401);
        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON).body(body)
                .patch("/api/care/profiles/" + UUID.randomUUID()).then().statusCode(404);
    }

    /** Opens a profile through resident-service's event and waits until it is there. */
    UUID openProfile(String name) {
        UUID residentId = UUID.randomUUID();
        events.send(ResidentEvents.registered(residentId, name, true));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(CARER)
                .get("/api/care/profiles/" + residentId).then().statusCode(200));
        return residentId;
    }

    void awaitProcessed(ObjectNode event) {
        await().atMost(Duration.ofSeconds(10)).until(() -> pool
                .preparedQuery("select count(*) from processed_event where event_id = $1::uuid")
                .execute(Tuple.of(event.get("eventId").asText())).await().indefinitely().iterator().next()
                .getLong(0) == 1);
    }
}
