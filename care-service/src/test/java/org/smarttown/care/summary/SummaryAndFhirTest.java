package org.smarttown.care.summary;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.smarttown.care.Fixtures.CARER;
import static org.smarttown.care.Fixtures.FOUNDER;
import static org.smarttown.care.Fixtures.reading;
import static org.smarttown.care.Fixtures.send;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.junit.jupiter.api.Test;
import org.smarttown.care.Fixtures;

import ca.uhn.fhir.context.FhirContext;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class SummaryAndFhirTest {

    @Inject
    Fixtures fixtures;

    static void screen(UUID residentId, Object... answers) {
        Map<String, Object> body = new HashMap<>();
        body.put("residentId", residentId);
        body.put("instrument", "PHQ-9");
        body.put("answers", java.util.Arrays.asList(answers));
        given().auth().oauth2(CARER).contentType(ContentType.JSON).body(body).post("/api/care/screenings").then().statusCode(201);
    }

    @Test
    void theSummaryHoldsAlertsVitalsScreeningsVrAndTheNextVisitInOneAnswer() {
        UUID residentId = fixtures.resident("요약");
        String band = fixtures.device("SMART_BAND", residentId);
        String button = fixtures.device("EMERGENCY_BUTTON", residentId);
        OffsetDateTime now = Fixtures.now();
        send(List.of(reading(band, "HEART_RATE", 70, now.minusMinutes(10)), reading(band, "HEART_RATE", 74, now.minusMinutes(1)),
                reading(band, "SPO2", 97, now.minusMinutes(1)), reading(band, "STEPS", 40, now.minusMinutes(2)),
                reading(button, "SOS", 1, now))).statusCode(202);
        screen(residentId, 2, 2, 2, 1, 1, 1, 1, 2, 0);
        String session = given().auth().oauth2(CARER).contentType(ContentType.JSON)
                .body(Map.of("programmeId", "5f0c8a1e-0003-4c3b-9a51-0d6f3e2b1a03", "startsAt", now.plusDays(2).toString(),
                        "capacity", 4, "room", "VR-" + residentId.toString().substring(0, 8)))
                .post("/api/care/vr/sessions").then().statusCode(201).extract().path("id");
        given().auth().oauth2(CARER).contentType(ContentType.JSON).body(Map.of("residentId", residentId))
                .post("/api/care/vr/sessions/" + session + "/enrolments").then().statusCode(201);

        given().auth().oauth2(CARER).get("/api/care/residents/" + residentId + "/summary").then().statusCode(200)
                .body("name", equalTo("요약"))
                .body("openAlerts.kind", contains("SOS"))
                .body("lastVitals.type", containsInAnyOrder("HEART_RATE", "SPO2", "STEPS"))
                .body("lastVitals.find { it.type == 'HEART_RATE' }.value", equalTo(74.0f))
                .body("lastVitals.find { it.type == 'HEART_RATE' }.unit", equalTo("/min"))
                .body("screenings[0].instrument", equalTo("PHQ-9"))
                .body("screenings[0].latest.band", equalTo("MODERATE"))
                .body("vr.upcoming", equalTo(1))
                .body("vr.recent[0].programmeCode", equalTo("CALM-SEA"))
                .body("nextVisit.origin", equalTo("SCREENING"))
                .body("overdueVisits", equalTo(0));
        given().auth().oauth2(CARER).get("/api/care/residents/" + UUID.randomUUID() + "/summary").then().statusCode(404);
        given().auth().oauth2(FOUNDER).get("/api/care/residents/" + residentId + "/summary").then().statusCode(403);
    }

    @Test
    void theSummaryCountsVrAttendanceListsTheLatestSessionsAndNamesAnOverdueVisit() {
        UUID residentId = fixtures.resident("요약출석");
        String door = fixtures.device("DOOR_SENSOR", residentId);
        OffsetDateTime now = Fixtures.now();
        send(List.of(reading(door, "DOOR", 1, now.minusMinutes(3)), reading(door, "DOOR", 0, now.minusMinutes(2))))
                .statusCode(202);
        // A session under way that she attended, and one next week she is booked into.
        String current = vrSession("5f0c8a1e-0001-4c3b-9a51-0d6f3e2b1a01", now.minusMinutes(20), now.plusMinutes(10));
        String next = vrSession("5f0c8a1e-0003-4c3b-9a51-0d6f3e2b1a03", now.plusDays(7), null);
        for (String session : List.of(current, next)) {
            given().auth().oauth2(CARER).contentType(ContentType.JSON).body(Map.of("residentId", residentId))
                    .post("/api/care/vr/sessions/" + session + "/enrolments").then().statusCode(201);
        }
        given().auth().oauth2(CARER).contentType(ContentType.JSON)
                .body(Map.of("attendance", "ATTENDED", "minutesDone", 20, "completed", true, "score", 64))
                .post("/api/care/vr/sessions/" + current + "/enrolments/" + residentId + "/attendance").then().statusCode(200);
        String visitId = given().auth().oauth2(CARER).contentType(ContentType.JSON)
                .body(Map.of("residentId", residentId, "dueAt", OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(2).toString(),
                        "purpose", "bring the new medicine"))
                .post("/api/care/visits").then().statusCode(201).extract().path("id");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(CARER)
                .get("/api/care/residents/" + residentId + "/summary").then().statusCode(200)
                .body("overdueVisits", equalTo(1))
                .body("nextVisit.id", equalTo(visitId))
                .body("nextVisit.overdue", equalTo(true))
                .body("lastVitals.type", contains("DOOR"))
                .body("lastVitals[0].value", equalTo(0.0f))
                .body("vr.attended", equalTo(1))
                .body("vr.noShow", equalTo(0))
                .body("vr.upcoming", equalTo(1))
                .body("vr.recent.sessionId", contains(next, current))
                .body("vr.recent[1].minutesDone", equalTo(20))
                .body("vr.recent[1].completed", equalTo(true))
                .body("vr.recent[1].score", equalTo(64)));
    }

    static String vrSession(String programmeId, OffsetDateTime start, OffsetDateTime end) {
        Map<String, Object> body = new HashMap<>();
        body.put("programmeId", programmeId);
        body.put("startsAt", start.toString());
        if (end != null) {
            body.put("endsAt", end.toString());
        }
        body.put("capacity", 4);
        // A room of its own, so that no other test's session holds it at that time.
        body.put("room", "VR-" + UUID.randomUUID().toString().substring(0, 8));
        return given().auth().oauth2(CARER).contentType(ContentType.JSON).body(body).post("/api/care/vr/sessions").then()
                .statusCode(201).extract().path("id");
    }

    @Test
    void aResidentWithNothingYetHasAnEmptySummary() {
        UUID residentId = fixtures.resident("빈요약");
        given().auth().oauth2(CARER).get("/api/care/residents/" + residentId + "/summary").then().statusCode(200)
                .body("openAlerts.size()", equalTo(0)).body("lastVitals.size()", equalTo(0))
                .body("screenings.size()", equalTo(0)).body("vr.attended", equalTo(0)).body("nextVisit", nullValue());
    }

    @Test
    void screeningsAreFhirQuestionnaireResponsesWithDerivedTotalScoreObservations() {
        UUID residentId = fixtures.resident("에프에이치아이알");
        screen(residentId, 1, 1, 1, 1, 1, 1, 1, 1, null);
        screen(residentId, 1, 1, 1, 1, 1, 1, null, null, null);
        given().auth().oauth2(CARER).get("/api/care/residents/" + residentId + "/fhir/screenings").then().statusCode(200)
                .contentType("application/fhir+json")
                .body("resourceType", equalTo("Bundle"))
                .body("type", equalTo("searchset"))
                // two responses, one total (the incomplete form is not scored)
                .body("total", equalTo(3))
                .body("entry.resource.resourceType", contains("QuestionnaireResponse", "Observation", "QuestionnaireResponse"))
                .body("entry[0].resource.questionnaire", equalTo("http://loinc.org/q/44249-1|1"))
                .body("entry[0].resource.subject.reference", equalTo("Patient/" + residentId))
                .body("entry[0].resource.item.size()", equalTo(9))
                .body("entry[0].resource.item[0].answer[0].valueInteger", equalTo(1))
                .body("entry[0].resource.item[8].answer", nullValue())
                .body("entry[1].resource.code.coding[0].system", equalTo("http://loinc.org"))
                .body("entry[1].resource.code.coding[0].code", equalTo("44261-6"))
                .body("entry[1].resource.valueInteger", equalTo(9))
                .body("entry[1].resource.interpretation[0].text", equalTo("MILD"))
                .body("entry[1].resource.derivedFrom[0].reference", notNullValue())
                .body("entry[1].resource.category[0].coding.code", hasItem("survey"));
        given().auth().oauth2(FOUNDER).get("/api/care/residents/" + residentId + "/fhir/screenings").then().statusCode(403);
    }

    @Test
    void everyInstrumentIsValidFhirR4AndEachTotalPointsAtItsOwnResponse() {
        UUID residentId = fixtures.resident("에프에이치아이알둘");
        List<Boolean> gds = new java.util.ArrayList<>();
        for (int item = 1; item <= 15; item++) {
            gds.add(item == 2 || item == 3); // two plain items answered "yes", the rest "no": 2 + 5 reversed = 7
        }
        String gdsId = given().auth().oauth2(CARER).contentType(ContentType.JSON)
                .body(Map.of("residentId", residentId, "instrument", "GDS-15", "answers", gds)).post("/api/care/screenings")
                .then().statusCode(201).body("total", equalTo(7)).extract().path("id");
        String cognitiveId = given().auth().oauth2(CARER).contentType(ContentType.JSON)
                .body(Map.of("residentId", residentId, "instrument", "COGNITIVE", "total", 24, "age", 82, "educationYears", 9))
                .post("/api/care/screenings").then().statusCode(201).body("band", equalTo("NORMAL")).extract().path("id");

        String body = given().auth().oauth2(CARER).get("/api/care/residents/" + residentId + "/fhir/screenings").then()
                .statusCode(200).contentType("application/fhir+json").extract().asString();
        // HAPI FHIR's R4 parser reads it back: the document is R4, not merely JSON shaped like it.
        Bundle bundle = FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, body);
        assertEquals(4, bundle.getEntry().size());

        QuestionnaireResponse gdsResponse = (QuestionnaireResponse) bundle.getEntry().get(0).getResource();
        assertEquals(gdsId, gdsResponse.getIdElement().getIdPart());
        assertEquals("urn:smarttown:questionnaire:GDS-15|1", gdsResponse.getQuestionnaire());
        assertEquals(15, gdsResponse.getItem().size());
        assertEquals("1", gdsResponse.getItem().get(0).getLinkId());
        assertEquals(false, gdsResponse.getItem().get(0).getAnswerFirstRep().getValueBooleanType().getValue());
        assertEquals(true, gdsResponse.getItem().get(1).getAnswerFirstRep().getValueBooleanType().getValue());
        Observation gdsTotal = (Observation) bundle.getEntry().get(1).getResource();
        assertEquals("QuestionnaireResponse/" + gdsId, gdsTotal.getDerivedFromFirstRep().getReference());
        assertEquals("urn:smarttown:instrument", gdsTotal.getCode().getCodingFirstRep().getSystem());
        assertEquals("GDS-15-total", gdsTotal.getCode().getCodingFirstRep().getCode());
        assertEquals(7, gdsTotal.getValueIntegerType().getValue());
        assertEquals("MILD", gdsTotal.getInterpretationFirstRep().getCodingFirstRep().getCode());
        assertEquals("Patient/" + residentId, gdsTotal.getSubject().getReference());

        QuestionnaireResponse cognitive = (QuestionnaireResponse) bundle.getEntry().get(2).getResource();
        assertEquals("urn:smarttown:questionnaire:COGNITIVE|1", cognitive.getQuestionnaire());
        assertEquals(List.of("total", "age", "educationYears"),
                cognitive.getItem().stream().map(QuestionnaireResponse.QuestionnaireResponseItemComponent::getLinkId).toList());
        assertEquals(82, cognitive.getItem().get(1).getAnswerFirstRep().getValueIntegerType().getValue());
        Observation cognitiveTotal = (Observation) bundle.getEntry().get(3).getResource();
        assertEquals("QuestionnaireResponse/" + cognitiveId, cognitiveTotal.getDerivedFromFirstRep().getReference());
        assertEquals("COGNITIVE-total", cognitiveTotal.getCode().getCodingFirstRep().getCode());
        assertEquals(24, cognitiveTotal.getValueIntegerType().getValue());
        assertEquals("NORMAL", cognitiveTotal.getInterpretationFirstRep().getText());
        assertEquals("survey", cognitiveTotal.getCategoryFirstRep().getCodingFirstRep().getCode());
    }
}
