package org.smarttown.care.screening;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smarttown.care.Fixtures.CARER;
import static org.smarttown.care.Fixtures.FOUNDER;
import static org.smarttown.care.Fixtures.HUB;
import static org.smarttown.care.Fixtures.SUPERVISOR;

import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smarttown.care.EventProbe;
import org.smarttown.care.Fixtures;
import org.smarttown.care.LiveFeed;
import org.smarttown.care.profile.ResidentEvents;
import org.smarttown.commons.testing.Contracts;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.core.json.JsonObject;

@QuarkusTest
class ScreeningResourceTest {

    @Inject
    Fixtures fixtures;

    @Inject
    EventProbe probe;

    @Inject
    ResidentEvents residentEvents;

    @TestHTTPResource("/api/care/alerts/stream")
    URI stream;

    static Map<String, Object> form(UUID residentId, String instrument, Object... answers) {
        Map<String, Object> body = new HashMap<>();
        body.put("residentId", residentId);
        body.put("instrument", instrument);
        body.put("answers", Arrays.asList(answers));
        return body;
    }

    static ValidatableResponse post(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/care/screenings").then();
    }

    @Test
    void aModeratePhq9IsScoredStoredFollowedUpByAVisitAndPublishedWithoutItsAnswers() throws Exception {
        UUID residentId = fixtures.resident("선별");
        String location = post(CARER, form(residentId, "PHQ-9", 2, 2, 2, 1, 1, 1, 1, 2, 0))
                .statusCode(201)
                .body("status", equalTo("SCORED"))
                .body("total", equalTo(12))
                .body("band", equalTo("MODERATE"))
                .body("followUp", equalTo(true))
                .body("flags", empty())
                .body("instrumentVersion", equalTo(1))
                .body("administeredBy", equalTo("carer1"))
                .body("alertId", nullValue())
                .extract().header("Location");
        String id = given().auth().oauth2(SUPERVISOR).get(location).then().statusCode(200)
                .body("answers", contains(2, 2, 2, 1, 1, 1, 1, 2, 0))
                .extract().path("id");
        String visitId = given().auth().oauth2(CARER).get(location).then().extract().path("visitId");
        given().auth().oauth2(CARER).get("/api/care/visits/" + visitId).then().statusCode(200)
                .body("status", equalTo("PLANNED")).body("origin", equalTo("SCREENING"))
                .body("sourceId", equalTo(id)).body("assignedTo", equalTo("carer1"))
                .body("purpose", equalTo("Follow-up: PHQ-9 MODERATE"));

        await().atMost(Duration.ofSeconds(10)).until(() -> probe.about(residentId, "ScreeningCompleted").size() == 1);
        JsonObject event = probe.about(residentId, "ScreeningCompleted").get(0);
        Contracts.assertSameShape(Contracts.sample("ScreeningCompleted.json"), new ObjectMapper().readTree(event.encode()));
        JsonObject data = event.getJsonObject("data");
        assertEquals("MODERATE", data.getString("band"));
        assertEquals(id, data.getString("screeningId"));
        assertFalse(data.containsKey("answers"));
        assertFalse(data.containsKey("total"));
    }

    @Test
    void itemNineAboveZeroRaisesACriticalAlertOnTheLiveFeedWhateverTheTotal() throws Exception {
        UUID residentId = fixtures.resident("문항구");
        try (LiveFeed feed = new LiveFeed(stream, SUPERVISOR)) {
            String alertId = post(CARER, form(residentId, "PHQ-9", 0, 0, 0, 0, 0, 0, 0, 0, 1))
                    .statusCode(201)
                    .body("band", equalTo("MINIMAL"))
                    .body("followUp", equalTo(true))
                    .body("flags", contains("SELF_HARM_RISK"))
                    .body("alertId", notNullValue())
                    .extract().path("alertId");

            await().atMost(Duration.ofSeconds(2)).until(() -> !feed.about(residentId.toString()).isEmpty());
            JsonObject alert = feed.about(residentId.toString()).get(0);
            assertEquals(alertId, alert.getString("id"));
            assertEquals("SELF_HARM", alert.getString("kind"));
            assertEquals("CRITICAL", alert.getString("level"));
            assertTrue(alert.getString("summary").contains("PHQ-9 item 9"), alert.getString("summary"));
        }
        given().auth().oauth2(CARER).queryParam("residentId", residentId).queryParam("kind", "SELF_HARM")
                .get("/api/care/alerts").then().body("totalItems", equalTo(1)).body("items[0].level", equalTo("CRITICAL"));
        await().atMost(Duration.ofSeconds(10)).until(() -> probe.about(residentId, "AlertRaised").size() == 1);
        // The urgent visit is due within a day, not a week.
        given().auth().oauth2(CARER).queryParam("residentId", residentId).get("/api/care/visits").then()
                .body("items[0].purpose", equalTo("Urgent follow-up: PHQ-9 MINIMAL, SELF_HARM_RISK"))
                .body("items[0].dueAt", notNullValue());
    }

    @Test
    void tooManyMissingItemsAreStoredIncompleteAndUnscored() {
        UUID residentId = fixtures.resident("미완성");
        post(CARER, form(residentId, "PHQ-9", 1, 1, 1, 1, 1, 1, null, null, null))
                .statusCode(201)
                .body("status", equalTo("INCOMPLETE"))
                .body("total", nullValue())
                .body("band", nullValue())
                .body("answered", equalTo(6))
                .body("visitId", nullValue());
        post(CARER, form(residentId, "PHQ-9", 1, 1, 1, 1, 1, 1, 1, null, null))
                .statusCode(201).body("status", equalTo("SCORED")).body("total", equalTo(9)).body("flags", contains("PRORATED"));
    }

    @Test
    void itemNineOnAnIncompleteFormStillRaisesTheAlertPlansAnUrgentVisitAndTravelsWithoutABand() {
        UUID residentId = fixtures.resident("미완성문항구");
        ValidatableResponse recorded = post(CARER, form(residentId, "PHQ-9", null, null, null, 0, 0, 0, 0, 0, 2))
                .statusCode(201)
                .body("status", equalTo("INCOMPLETE"))
                .body("band", nullValue())
                .body("flags", contains("SELF_HARM_RISK"))
                .body("alertId", notNullValue())
                .body("visitId", notNullValue());
        given().auth().oauth2(CARER).get("/api/care/alerts/" + recorded.extract().path("alertId")).then()
                .body("level", equalTo("CRITICAL")).body("kind", equalTo("SELF_HARM"));
        given().auth().oauth2(CARER).get("/api/care/visits/" + recorded.extract().path("visitId")).then()
                .body("purpose", equalTo("Urgent follow-up: PHQ-9 incomplete, SELF_HARM_RISK"));

        await().atMost(Duration.ofSeconds(10)).until(() -> probe.about(residentId, "ScreeningCompleted").size() == 1);
        JsonObject data = probe.about(residentId, "ScreeningCompleted").get(0).getJsonObject("data");
        assertEquals("INCOMPLETE", data.getString("status"));
        assertNull(data.getString("band"));
        assertEquals(List.of("SELF_HARM_RISK"), data.getJsonArray("flags").getList());
        assertTrue(data.getBoolean("followUp"));
        assertFalse(data.containsKey("answers"));
    }

    @Test
    void gds15AndTheCognitiveScreeningAreScoredFromTheirOwnData() {
        UUID residentId = fixtures.resident("노인우울");
        // Every answer "no": only the five reverse-scored items count.
        List<Object> no = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            no.add(false);
        }
        post(CARER, form(residentId, "GDS-15", no.toArray())).statusCode(201)
                .body("total", equalTo(5)).body("band", equalTo("MILD")).body("followUp", equalTo(true));

        Map<String, Object> cognitive = Map.of("residentId", residentId, "instrument", "COGNITIVE", "total", 21, "age", 76,
                "educationYears", 6);
        post(SUPERVISOR, cognitive).statusCode(201)
                .body("band", equalTo("IMPAIRED")).body("cutoff", equalTo(22))
                .body("answers.total", equalTo(21)).body("answers.educationYears", equalTo(6));
    }

    @Test
    void badFormsAre400ProblemsAndStoreNothing() {
        UUID residentId = fixtures.resident("잘못된입력");
        post(CARER, form(residentId, "PHQ-9", 0, 0, 4, 0, 0, 0, 0, 0, 0)).statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("answers[2]"));
        post(CARER, form(residentId, "PHQ-9", 0, 0, 0, 0, 0, 0, 0, 0)).statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("answers"));
        List<Object> numbers = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            numbers.add(1);
        }
        post(CARER, form(residentId, "GDS-15", numbers.toArray())).statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("answers[0]"));
        post(CARER, form(residentId, "BDI-II", 1, 2, 3)).statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("instrument"));
        post(CARER, Map.of("residentId", residentId, "instrument", "COGNITIVE", "total", 21)).statusCode(400)
                .body("errors.field", contains("age"));
        post(CARER, form(residentId, "PHQ-9", "3", 0, 0, 0, 0, 0, 0, 0, 0)).statusCode(400);
        given().auth().oauth2(CARER).contentType(ContentType.JSON).body("{\"residentId\":\"" + residentId
                + "\",\"instrument\":\"PHQ-9\",\"answers\":[0,0,").post("/api/care/screenings").then().statusCode(400)
                .contentType("application/problem+json");

        given().auth().oauth2(CARER).get("/api/care/residents/" + residentId + "/screenings").then()
                .statusCode(200).body("instruments", empty());
    }

    @Test
    void onlyResidentsWithAnOpenCareProfileCanBeScreened() {
        post(CARER, form(UUID.randomUUID(), "PHQ-9", 0, 0, 0, 0, 0, 0, 0, 0, 0)).statusCode(404);
        UUID residentId = fixtures.resident("동의철회");
        residentEvents.send(ResidentEvents.consent(residentId, "CARE_SERVICES", false));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(CARER)
                .get("/api/care/profiles/" + residentId).then().body("status", equalTo("CLOSED")));
        post(CARER, form(residentId, "PHQ-9", 0, 0, 0, 0, 0, 0, 0, 0, 0)).statusCode(409)
                .body("type", equalTo("urn:smarttown:problem:profile-closed"));
    }

    @Test
    void theTrendShowsEachInstrumentOldestFirstWithItsNextDueDate() {
        UUID residentId = fixtures.resident("추이");
        post(CARER, form(residentId, "PHQ-9", 3, 3, 3, 3, 3, 0, 0, 0, 0)).statusCode(201);
        OffsetDateTime second = OffsetDateTime.parse(post(CARER, form(residentId, "PHQ-9", 1, 1, 1, 0, 0, 0, 0, 0, 0))
                .statusCode(201).extract().path("administeredAt"));
        List<Object> gds = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            gds.add(i % 2 == 0);
        }
        post(SUPERVISOR, form(residentId, "GDS-15", gds.toArray())).statusCode(201);

        ValidatableResponse trend = given().auth().oauth2(CARER).get("/api/care/residents/" + residentId + "/screenings")
                .then().statusCode(200)
                .body("instruments.instrument", contains("GDS-15", "PHQ-9"))
                .body("instruments[1].points.total", contains(15, 3))
                .body("instruments[1].points.band", contains("MODERATELY_SEVERE", "MINIMAL"))
                .body("instruments[1].latest.total", equalTo(3))
                .body("instruments[1].due", equalTo(false));
        // Minimal: re-screen in six months; the moderately severe one before it asked for one month.
        OffsetDateTime due = OffsetDateTime.parse(trend.extract().path("instruments[1].nextDueAt"));
        assertEquals(second.plusMonths(6).toInstant(), due.toInstant());
        given().auth().oauth2(CARER).queryParam("instrument", "PHQ-9").get("/api/care/residents/" + residentId + "/screenings")
                .then().body("instruments.instrument", contains("PHQ-9"));
        given().auth().oauth2(CARER).get("/api/care/residents/" + UUID.randomUUID() + "/screenings").then().statusCode(404);
    }

    /**
     * What each instrument's data asks after a screening, through HTTP: when it is due again, and
     * whether (and by when) a follow-up visit is planned for the resident's care worker. The
     * screenings are recorded by a supervisor, so the visit going to carer1 is the profile's doing.
     * Answers: numbers for PHQ-9 (empty = unanswered), the number of depressive answers for GDS-15,
     * total/age/education for COGNITIVE.
     */
    @ParameterizedTest(name = "{0} {1} → {2}, due again after {3}, visit within {4}")
    @CsvSource(delimiter = ';', value = {
            "PHQ-9;1,1,1,1,1,0,0,0,0;MILD;P6M;",
            "PHQ-9;2,2,2,2,2,0,0,0,0;MODERATE;P1M;P7D",
            "PHQ-9;3,3,3,3,3,0,0,0,0;MODERATELY_SEVERE;P1M;P7D",
            "PHQ-9;3,3,3,3,3,3,2,0,0;SEVERE;P1M;P7D",
            "PHQ-9;0,0,0,0,0,0,0,0,1;MINIMAL;P1M;P1D",
            "PHQ-9;1,1,1,1,1,1,,,;;P0D;",
            "GDS-15;4;NORMAL;P6M;",
            "GDS-15;5;MILD;P1M;P7D",
            "COGNITIVE;22/75/6;NORMAL;P12M;",
            "COGNITIVE;21/75/6;IMPAIRED;P3M;P7D" })
    void eachInstrumentSetsItsRescreenDateAndPlansAFollowUpVisitWhenItsBandAsks(String instrument, String answers,
            String band, String rescreenAfter, String visitWithin) {
        UUID residentId = fixtures.resident("재선별" + instrument);
        Map<String, Object> body = new HashMap<>();
        body.put("residentId", residentId);
        body.put("instrument", instrument);
        if (instrument.equals("COGNITIVE")) {
            String[] inputs = answers.split("/");
            body.put("total", Integer.parseInt(inputs[0]));
            body.put("age", Integer.parseInt(inputs[1]));
            body.put("educationYears", Integer.parseInt(inputs[2]));
        } else if (instrument.equals("GDS-15")) {
            List<Boolean> yesNo = new ArrayList<>();
            for (int item = 1; item <= 15; item++) {
                boolean depressive = item <= Integer.parseInt(answers);
                // Items 1, 5, 7, 11 and 13 are reverse-scored: "no" is their depressive answer.
                yesNo.add(List.of(1, 5, 7, 11, 13).contains(item) != depressive);
            }
            body.put("answers", yesNo);
        } else {
            body.put("answers", Arrays.stream(answers.split(",", -1)).map(a -> a.isEmpty() ? null : Integer.valueOf(a))
                    .toList());
        }
        ValidatableResponse recorded = post(SUPERVISOR, body).statusCode(201)
                .body("band", equalTo(band))
                .body("status", equalTo(band == null ? "INCOMPLETE" : "SCORED"))
                .body("followUp", equalTo(visitWithin != null));
        OffsetDateTime administeredAt = OffsetDateTime.parse(recorded.extract().path("administeredAt"))
                .withOffsetSameInstant(ZoneOffset.UTC);
        assertEquals(administeredAt.plus(Period.parse(rescreenAfter)).toInstant(),
                OffsetDateTime.parse(recorded.extract().path("nextDueAt")).toInstant());
        // An incomplete form is due again at once; every other one is not due yet.
        given().auth().oauth2(CARER).get("/api/care/residents/" + residentId + "/screenings").then()
                .body("instruments[0].due", equalTo(band == null));

        String visitId = recorded.extract().path("visitId");
        if (visitWithin == null) {
            assertNull(visitId);
            given().auth().oauth2(CARER).queryParam("residentId", residentId).get("/api/care/visits").then()
                    .body("totalItems", equalTo(0));
            return;
        }
        String dueAt = given().auth().oauth2(CARER).get("/api/care/visits/" + visitId).then().statusCode(200)
                .body("status", equalTo("PLANNED"))
                .body("origin", equalTo("SCREENING"))
                .body("sourceId", equalTo(recorded.extract().path("id")))
                .body("assignedTo", equalTo("carer1"))
                .body("createdBy", equalTo("supervisor1"))
                .extract().path("dueAt");
        assertEquals(administeredAt.plus(Duration.parse(visitWithin)).toInstant(), OffsetDateTime.parse(dueAt).toInstant());
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyRecordsTheScreeningOnce() {
        UUID residentId = fixtures.resident("재시도");
        Map<String, Object> body = form(residentId, "PHQ-9", 1, 0, 0, 0, 0, 0, 0, 0, 0);
        String first = given().auth().oauth2(CARER).contentType(ContentType.JSON).header("Idempotency-Key", "phq-" + residentId)
                .body(body).post("/api/care/screenings").then().statusCode(201).extract().path("id");
        String again = given().auth().oauth2(CARER).contentType(ContentType.JSON).header("Idempotency-Key", "phq-" + residentId)
                .body(body).post("/api/care/screenings").then().statusCode(201).extract().path("id");
        assertEquals(first, again);
        given().auth().oauth2(CARER).get("/api/care/residents/" + residentId + "/screenings").then()
                .body("instruments[0].points", org.hamcrest.Matchers.hasSize(1));
    }

    @Test
    void onlyCareStaffScreenAndSeeScreenings() {
        UUID residentId = fixtures.resident("권한");
        post(FOUNDER, form(residentId, "PHQ-9", 0, 0, 0, 0, 0, 0, 0, 0, 0)).statusCode(403);
        post(HUB, form(residentId, "PHQ-9", 0, 0, 0, 0, 0, 0, 0, 0, 0)).statusCode(403);
        given().auth().oauth2(FOUNDER).get("/api/care/residents/" + residentId + "/screenings").then().statusCode(403);
        given().auth().oauth2(CARER).get("/api/care/screenings/instruments").then().statusCode(200)
                .body("code", hasItem("PHQ-9")).body("find { it.code == 'GDS-15' }.reverseItems", contains(1, 5, 7, 11, 13));
        given().auth().oauth2(CARER).get("/api/care/screenings/" + UUID.randomUUID()).then().statusCode(404);
    }
}
