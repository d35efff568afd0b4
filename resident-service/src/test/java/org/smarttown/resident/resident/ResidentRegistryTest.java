package org.smarttown.resident.resident;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.smarttown.resident.resident.Residents.ADMIN;
import static org.smarttown.resident.resident.Residents.AGENCY;
import static org.smarttown.resident.resident.Residents.CARER;
import static org.smarttown.resident.resident.Residents.FOUNDER;
import static org.smarttown.resident.resident.Residents.OTHER_CARER;
import static org.smarttown.resident.resident.Residents.SUPERVISOR;
import static org.smarttown.resident.resident.Residents.WELFARE;
import static org.smarttown.resident.resident.Residents.full;
import static org.smarttown.resident.resident.Residents.patch;
import static org.smarttown.resident.resident.Residents.register;
import static org.smarttown.resident.resident.Residents.registeredId;
import static org.smarttown.resident.resident.Residents.uniqueComplex;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class ResidentRegistryTest {

    @Test
    void theFullModelIsStoredAndReadBackWithOrderedContactsAndAStatusHistory() {
        String id = registeredId(full("김순자", uniqueComplex(), true));

        given().auth().oauth2(WELFARE).get("/api/residents/" + id).then()
                .statusCode(200)
                .body("location.lat", equalTo(35.174f))
                .body("location.lon", equalTo(126.927f))
                .body("categories", containsInAnyOrder("ELDERLY", "LIVING_ALONE", "BASIC_LIVELIHOOD", "CHRONIC_ILLNESS"))
                .body("benefitTypes", containsInAnyOrder("LIVELIHOOD", "MEDICAL"))
                .body("conditions", contains("고혈압", "당뇨"))
                .body("emergencyContacts.order", contains(1, 2))
                .body("emergencyContacts.name", contains("박민수", "박민지"))
                .body("assignedCareWorker", equalTo("carer1"))
                .body("haengbokeumId", equalTo("HE-2026-000123"))
                .body("consents[0].purpose", equalTo("CARE_SERVICES"))
                .body("consents[0].given", equalTo(true))
                .body("consents[0].version", equalTo(1))
                .body("statusHistory.status", contains("ACTIVE"))
                .body("createdBy", equalTo("welfare1"));
    }

    @Test
    void aPatchChangesOnlyTheFieldsItNames() {
        String id = registeredId(full("이순례", uniqueComplex(), true));

        patch(WELFARE, id, """
                {"phone":"010-9999-8888","emergencyContacts":[{"name":"이철수","relation":"NEPHEW","phone":"010-7777-6666"}]}
                """).then()
                .statusCode(200)
                .body("phone", equalTo("010-9999-8888"))
                .body("emergencyContacts.name", contains("이철수"))
                .body("name", equalTo("이순례"))
                .body("conditions", contains("고혈압", "당뇨"))
                .body("version", equalTo(1))
                .body("updatedBy", equalTo("welfare1"));
        given().auth().oauth2(WELFARE).get("/api/residents/" + id).then()
                .body("phone", equalTo("010-9999-8888"))
                .body("address.building", equalTo("201"));
    }

    @Test
    void theFoundationsDataSharingPurposeIsStillReadAsDataSharingPartners() {
        String id = registeredId(full("공유동의", uniqueComplex(), true)
                .replace("{\"purpose\":\"CARE_SERVICES\",\"given\":true}",
                        "{\"purpose\":\"CARE_SERVICES\",\"given\":true},{\"purpose\":\"DATA_SHARING\",\"given\":true}"));
        given().auth().oauth2(WELFARE).get("/api/residents/" + id).then()
                .body("consents.purpose", contains("CARE_SERVICES", "DATA_SHARING_PARTNERS"));
    }

    @Test
    void withdrawingAConsentRaisesItsVersion() {
        String id = registeredId(full("최말순", uniqueComplex(), true));
        String decided = given().auth().oauth2(WELFARE).get("/api/residents/" + id).then()
                .body("consents[0].changedBy", equalTo("welfare1")).extract().path("consents[0].changedAt");

        String withdrawn = patch(WELFARE, id, "{\"consents\":[{\"purpose\":\"CARE_SERVICES\",\"given\":false}]}").then()
                .statusCode(200)
                .body("careConsent", equalTo(false))
                .body("consents[0].given", equalTo(false))
                .body("consents[0].version", equalTo(2))
                .extract().path("consents[0].changedAt");
        org.junit.jupiter.api.Assertions.assertTrue(java.time.OffsetDateTime.parse(withdrawn)
                .isAfter(java.time.OffsetDateTime.parse(decided)), "each decision keeps its own time");
    }

    @Test
    void anInvalidPatchIsA400AndChangesNothing() {
        String id = registeredId(full("한옥자", uniqueComplex(), true));

        patch(WELFARE, id, "{\"phone\":\"010-1111-2222\",\"location\":{\"lat\":200,\"lon\":126.9}}").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("location.lat"));
        patch(WELFARE, id, "{\"categories\":[\"ELDERLY\"]}").then()
                .statusCode(400)
                .body("errors.field", hasItem("benefitTypes"));
        given().auth().oauth2(WELFARE).get("/api/residents/" + id).then()
                .body("phone", equalTo("010-1234-5678"))
                .body("version", equalTo(0));
    }

    @Test
    void deactivatingKeepsTheReasonInTheHistoryAndHappensOnce() {
        String id = registeredId(full("윤복희", uniqueComplex(), true));
        String path = "/api/residents/" + id + "/deactivate";

        given().auth().oauth2(WELFARE).contentType(ContentType.JSON).body("{\"status\":\"MOVED_OUT\",\"reason\":\" \"}")
                .post(path).then().statusCode(400).body("errors.field", hasItem("reason"));
        given().auth().oauth2(WELFARE).contentType(ContentType.JSON).body("{\"status\":\"ACTIVE\",\"reason\":\"oops\"}")
                .post(path).then().statusCode(400).body("errors.field", hasItem("status"));
        given().auth().oauth2(WELFARE).contentType(ContentType.JSON)
                .body("{\"status\":\"MOVED_OUT\",\"reason\":\"딸 집으로 이사\"}").post(path).then()
                .statusCode(200)
                .body("status", equalTo("MOVED_OUT"))
                .body("statusHistory.status", contains("ACTIVE", "MOVED_OUT"))
                .body("statusHistory[1].reason", equalTo("딸 집으로 이사"))
                .body("statusHistory[1].changedBy", equalTo("welfare1"));
        given().auth().oauth2(WELFARE).contentType(ContentType.JSON)
                .body("{\"status\":\"DECEASED\",\"reason\":\"again\"}").post(path).then()
                .statusCode(409)
                .body("type", equalTo("urn:smarttown:problem:resident-inactive"));
        patch(WELFARE, id, "{\"phone\":\"010-1111-2222\"}").then().statusCode(409);
    }

    @Test
    void searchFiltersByNameDongComplexAndCategoryAndSortsAPageAtATime() {
        String complex = uniqueComplex();
        registeredId(full("가나다", complex, true));
        registeredId(full("라마바", complex, true));
        registeredId(Residents.full("사아자", complex, true).replace("\"ELDERLY\",", "").replace("\"LIVING_ALONE\",", ""));

        given().auth().oauth2(WELFARE).queryParam("complex", complex).queryParam("sort", "-name").queryParam("size", 2)
                .get("/api/residents").then()
                .statusCode(200)
                .body("totalItems", equalTo(3))
                .body("totalPages", equalTo(2))
                .body("items.name", contains("사아자", "라마바"))
                .body("items[0].statusHistory", nullValue());
        given().auth().oauth2(WELFARE).queryParam("complex", complex).queryParam("category", "LIVING_ALONE")
                .get("/api/residents").then()
                .body("items.name", contains("가나다", "라마바"));
        given().auth().oauth2(WELFARE).queryParam("complex", complex).queryParam("q", "마바")
                .queryParam("dong", "두암동").get("/api/residents").then()
                .body("items.name", contains("라마바"));
        given().auth().oauth2(WELFARE).queryParam("complex", complex).queryParam("dong", "문흥동")
                .get("/api/residents").then()
                .body("totalItems", equalTo(0));
    }

    @Test
    void searchRefusesAnUnknownCategoryOrSort() {
        given().auth().oauth2(WELFARE).queryParam("category", "RICH").get("/api/residents").then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("category"));
        given().auth().oauth2(WELFARE).queryParam("sort", "rrn").get("/api/residents").then()
                .statusCode(400).body("errors.field", hasItem("sort"));
    }

    @Test
    void aCareWorkerSeesOnlyTheResidentsAssignedToThem() {
        String complex = uniqueComplex();
        String mine = registeredId(full("내담당", complex, true));
        String theirs = registeredId(full("남의담당", complex, true).replace("\"carer1\"", "\"carer9\""));

        given().auth().oauth2(CARER).get("/api/residents/" + mine).then().statusCode(200);
        given().auth().oauth2(CARER).get("/api/residents/" + theirs).then().statusCode(404);
        given().auth().oauth2(OTHER_CARER).get("/api/residents/" + mine).then().statusCode(404);
        given().auth().oauth2(CARER).queryParam("complex", complex).get("/api/residents").then()
                .body("items.name", contains("내담당"));
        given().auth().oauth2(SUPERVISOR).queryParam("complex", complex).get("/api/residents").then()
                .body("totalItems", equalTo(2));
        given().auth().oauth2(ADMIN).get("/api/residents/" + theirs).then().statusCode(200);
        patch(CARER, mine, "{\"phone\":\"010-1111-2222\"}").then().statusCode(403);
    }

    @Test
    void badInputIsA400NamingTheField() {
        long before = ResidentResourceTest.total();
        String complex = uniqueComplex();
        register(full("김".repeat(10_000), complex, true)).then().statusCode(400).body("errors.field", hasItem("name"));
        register(full("위치", complex, true).replace("35.1740", "200")).then().statusCode(400)
                .body("errors.field", hasItem("location.lat"));
        register(full("범주", complex, true).replace("\"ELDERLY\"", "\"RICH\"")).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem(startsWith("categories")))
                .body("errors[0].message", containsString("LIVING_ALONE"));
        register(full("미래", complex, true).replace("1945-03-02", "2999-03-02")).then().statusCode(400)
                .body("errors.field", hasItem("birthDate"));
        register(full("연락처", complex, true).replace("010-2222-3333", "call me")).then().statusCode(400)
                .body("errors.field", hasItem("emergencyContacts[0].phone"));
        register(full("급여", complex, true).replace("\"BASIC_LIVELIHOOD\",", "")).then().statusCode(400)
                .body("errors.field", hasItem("benefitTypes"));
        ResidentResourceTest.assertTotal(before);
    }

    @Test
    void foundersAndPartnerAgenciesAreRefusedEverywhereAndStrangersNeedAToken() {
        String id = registeredId(full("접근", uniqueComplex(), true));
        for (String token : new String[] { FOUNDER, AGENCY }) {
            given().auth().oauth2(token).get("/api/residents").then().statusCode(403);
            given().auth().oauth2(token).get("/api/residents/" + id).then().statusCode(403);
            given().auth().oauth2(token).contentType(ContentType.JSON).body(full("x", "y", true))
                    .post("/api/residents").then().statusCode(403);
            patch(token, id, "{\"phone\":\"010-1111-2222\"}").then().statusCode(403);
            given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"status\":\"MOVED_OUT\",\"reason\":\"x\"}")
                    .post("/api/residents/" + id + "/deactivate").then().statusCode(403);
        }
        given().get("/api/residents").then().statusCode(401);
        given().get("/api/residents/" + id).then().statusCode(401);
        given().contentType(ContentType.JSON).body("{}").patch("/api/residents/" + id).then().statusCode(401);
        given().contentType(ContentType.JSON).body("{}").post("/api/residents/" + id + "/deactivate").then().statusCode(401);
        given().auth().oauth2(WELFARE).get("/api/residents/" + id).then().body("status", equalTo("ACTIVE"));
    }
}
