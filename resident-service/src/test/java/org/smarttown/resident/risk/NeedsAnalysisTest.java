package org.smarttown.resident.risk;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.smarttown.commons.testing.Contracts;
import org.smarttown.commons.testing.TestTokens;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class NeedsAnalysisTest {

    static final String WELFARE = TestTokens.user("welfare1", "welfare-staff");
    static final String SUPERVISOR = TestTokens.user("supervisor1", "care-supervisor", "care-worker");
    static final String CARER = TestTokens.user("carer1", "care-worker");

    @Inject
    CareEvents care;

    /** Born 1945, living alone, basic livelihood, chronic illness, with contacts: 10 + 15 + 10 + 10 = 45. */
    static String resident(String dong, String complex, String building, double lat, double lon) {
        return """
                {"name":"위험도","birthDate":"1945-03-02","sex":"F","phone":"010-1234-5678",
                 "address":{"dong":"%s","complex":"%s","building":"%s","unit":"101"},
                 "location":{"lat":%s,"lon":%s},
                 "categories":["ELDERLY","LIVING_ALONE","BASIC_LIVELIHOOD","CHRONIC_ILLNESS"],
                 "benefitTypes":["LIVELIHOOD"],"conditions":["고혈압"],
                 "emergencyContacts":[{"name":"박민수","relation":"SON","phone":"010-2222-3333"}],
                 "assignedCareWorker":"carer1",
                 "consents":[{"purpose":"CARE_SERVICES","given":true}]}
                """.formatted(dong, complex, building, lat, lon);
    }

    static String register(String body) {
        return given().auth().oauth2(WELFARE).contentType(ContentType.JSON).body(body).post("/api/residents")
                .then().statusCode(201).extract().path("id");
    }

    static int score(String id) {
        return given().auth().oauth2(WELFARE).get("/api/residents/" + id).then().statusCode(200).extract().path("riskScore");
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void theRiskIsExplainedSignalBySignal() {
        String id = register(resident("두암동", unique("단지"), "201", 35.174, 126.927));

        given().auth().oauth2(CARER).get("/api/residents/" + id + "/risk").then()
                .statusCode(200)
                .body("score", equalTo(45))
                .body("level", equalTo("MEDIUM"))
                .body("signals.signal", containsInAnyOrder("AGE_75_PLUS", "LIVING_ALONE", "BASIC_LIVELIHOOD", "CHRONIC_ILLNESS"))
                .body("signals.find { it.signal == 'LIVING_ALONE' }.points", equalTo(15))
                .body("signals.find { it.signal == 'CHRONIC_ILLNESS' }.detail", equalTo("고혈압"))
                .body("thresholds.high", equalTo(50));
        given().auth().oauth2(WELFARE).contentType(ContentType.JSON).body("{\"emergencyContacts\":[]}")
                .patch("/api/residents/" + id).then().statusCode(200).body("riskScore", equalTo(60)).body("riskLevel", equalTo("HIGH"));
        given().auth().oauth2(WELFARE).get("/api/residents/" + id + "/risk").then()
                .body("signals.signal", hasItem("NO_EMERGENCY_CONTACT"));
    }

    @Test
    void aCriticalAlertFromCareServiceRaisesTheScoreAndItsResolutionLowersItAgain() {
        Contracts.assertCopyMatchesProducer("care-service", "AlertRaised.json");
        Contracts.assertCopyMatchesProducer("care-service", "AlertResolved.json");
        String complex = unique("알림단지");
        String id = register(resident("두암동", complex, "201", 35.174, 126.927));
        assertEquals(45, score(id));
        UUID alert = UUID.randomUUID();

        ObjectNode raised = CareEvents.event("AlertRaised.json", id, alert);
        care.send(raised);
        await().atMost(Duration.ofSeconds(10)).until(() -> score(id) == 75);
        given().auth().oauth2(WELFARE).get("/api/residents/" + id + "/risk").then()
                .body("level", equalTo("CRITICAL"))
                .body("signals.find { it.signal == 'CRITICAL_ALERT_OPEN' }.source", equalTo("care-service"));
        given().auth().oauth2(WELFARE).queryParam("complex", complex).queryParam("minRisk", 70).get("/api/residents")
                .then().body("totalItems", equalTo(1));

        care.send(CareEvents.event("AlertResolved.json", id, alert));
        await().atMost(Duration.ofSeconds(10)).until(() -> score(id) == 45);
        // The AlertRaised delivered again (same event id) does not reopen the resolved alert.
        care.send(raised);
        ObjectNode screening = CareEvents.event("ScreeningCompleted.json", id, null);
        care.send(screening);
        await().atMost(Duration.ofSeconds(10)).until(() -> score(id) == 60); // + MODERATE screening, not the alert
        given().auth().oauth2(WELFARE).queryParam("complex", complex).queryParam("minRisk", 70).get("/api/residents")
                .then().body("totalItems", equalTo(0));
    }

    @Test
    void aResolutionThatOvertakesItsAlertOnTheBrokerKeepsTheAlertClosed() {
        String id = register(resident("두암동", unique("추월단지"), "201", 35.174, 126.927));
        UUID alert = UUID.randomUUID();

        care.send(CareEvents.event("AlertResolved.json", id, alert));
        care.send(CareEvents.event("AlertRaised.json", id, alert));
        // The queue keeps its order: once the screening after them counts, both were applied.
        care.send(CareEvents.event("ScreeningCompleted.json", id, null));
        await().atMost(Duration.ofSeconds(10)).until(() -> score(id) >= 60);
        assertEquals(60, score(id), "45 + MODERATE screening, and no open alert");
        given().auth().oauth2(WELFARE).get("/api/residents/" + id + "/risk").then()
                .body("signals.signal", not(hasItem("CRITICAL_ALERT_OPEN")));
    }

    @Test
    void theMapShowsBuildingsOfFiveOrMoreAndMergesSmallerOnesIntoTheirComplex() {
        String dong = unique("동");
        String complex = unique("단지");
        for (int i = 0; i < 5; i++) {
            register(resident(dong, complex, "101", 35.10 + i * 0.001, 126.90));
        }
        for (int i = 0; i < 3; i++) {
            register(resident(dong, complex, "102", 35.20, 126.80));
        }
        for (int i = 0; i < 2; i++) {
            register(resident(dong, complex, "103", 35.30, 126.70));
        }
        String lonely = unique("단지");
        register(resident(dong, lonely, "1", 35.5, 126.5));

        given().auth().oauth2(SUPERVISOR).queryParam("dong", dong).get("/api/residents/map").then()
                .statusCode(200)
                .body("type", equalTo("FeatureCollection"))
                .body("features.size()", equalTo(2))
                .body("suppressedResidents", equalTo(1))
                .body("features.properties.building", contains("101", null))
                .body("features[0].properties.residents", equalTo(5))
                .body("features[0].geometry.type", equalTo("Point"))
                .body("features[0].geometry.coordinates[0]", equalTo(126.9f))
                .body("features[0].geometry.coordinates[1]", equalTo(35.102f))
                .body("features[0].properties.riskLevels.MEDIUM", equalTo(5))
                .body("features[0].properties.topNeeds.need", contains("BASIC_LIVELIHOOD", "CHRONIC_ILLNESS", "ELDERLY"))
                .body("features[1].properties.residents", equalTo(5))
                .body("features[1].properties.mergedBuildings", equalTo(2))
                .body("features[1].properties.complex", equalTo(complex));
    }

    @Test
    void statsCountActiveResidentsByDongComplexCategoryAndLevel() {
        String dong = unique("통계동");
        String complex = unique("단지");
        register(resident(dong, complex, "1", 35.1, 126.9));
        String gone = register(resident(dong, complex, "1", 35.1, 126.9));
        given().auth().oauth2(WELFARE).contentType(ContentType.JSON).body("{\"status\":\"MOVED_OUT\",\"reason\":\"전출\"}")
                .post("/api/residents/" + gone + "/deactivate").then().statusCode(200);

        given().auth().oauth2(WELFARE).get("/api/residents/stats").then()
                .statusCode(200)
                .body("byDong." + dong, equalTo(1))
                .body("byComplex.'" + dong + " " + complex + "'", equalTo(1))
                .body("byCategory.keySet()", hasItem("LIVING_ALONE"))
                .body("byRiskLevel.keySet()", containsInAnyOrder("LOW", "MEDIUM", "HIGH", "CRITICAL"));
    }

    @Test
    void theMapAndStatsAreForStaffAndSupervisorsOnly() {
        String id = register(resident("두암동", unique("단지"), "1", 35.1, 126.9));
        for (String token : List.of(TestTokens.user("founder1", "founder"), TestTokens.agency("agency-a", "agency-a"))) {
            given().auth().oauth2(token).get("/api/residents/map").then().statusCode(403);
            given().auth().oauth2(token).get("/api/residents/stats").then().statusCode(403);
            given().auth().oauth2(token).get("/api/residents/" + id + "/risk").then().statusCode(403);
        }
        given().auth().oauth2(CARER).get("/api/residents/map").then().statusCode(403);
        given().auth().oauth2(TestTokens.user("carer2", "care-worker")).get("/api/residents/" + id + "/risk").then()
                .statusCode(404);
        given().get("/api/residents/map").then().statusCode(401);
        given().get("/api/residents/stats").then().statusCode(401);
        given().get("/api/residents/" + id + "/risk").then().statusCode(401);
        given().auth().oauth2(WELFARE).queryParam("minRisk", 101).get("/api/residents").then().statusCode(400)
                .body("errors.field", hasItem("minRisk"));
    }
}
