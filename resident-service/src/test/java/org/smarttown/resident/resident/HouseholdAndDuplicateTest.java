package org.smarttown.resident.resident;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.smarttown.resident.resident.Residents.AGENCY;
import static org.smarttown.resident.resident.Residents.CARER;
import static org.smarttown.resident.resident.Residents.FOUNDER;
import static org.smarttown.resident.resident.Residents.SUPERVISOR;
import static org.smarttown.resident.resident.Residents.WELFARE;
import static org.smarttown.resident.resident.Residents.full;
import static org.smarttown.resident.resident.Residents.registeredId;
import static org.smarttown.resident.resident.Residents.uniqueComplex;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.smarttown.resident.EventProbe;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
class HouseholdAndDuplicateTest {

    @Inject
    EventProbe probe;

    private static String uniquePhone() {
        return String.format("010-%04d-%04d", (int) (Math.random() * 10000), (int) (Math.random() * 10000));
    }

    private static String person(String name, String phone, String birthDate) {
        return full(name, uniqueComplex(), true).replace("\"010-1234-5678\"", "\"" + phone + "\"")
                .replace("1945-03-02", birthDate);
    }

    private static Response post(String token, String path, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post(path);
    }

    @Test
    void aHouseholdKeepsEffectiveDatedMembershipsWithOneHeadAtATime() {
        String mother = registeredId(person("세대주", uniquePhone(), "1950-01-01"));
        String son = registeredId(person("아들", uniquePhone(), "1975-05-05"));
        String household = post(WELFARE, "/api/residents/households", """
                {"name":"두암 201-1103","members":[{"residentId":"%s","head":true,"primaryRecipient":true,"from":"2020-01-01"}]}
                """.formatted(mother)).then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.startsWith("/api/residents/households/"))
                .extract().path("id");

        post(WELFARE, "/api/residents/households/" + household + "/members",
                "{\"residentId\":\"%s\",\"head\":true,\"from\":\"2024-01-01\"}".formatted(son)).then()
                .statusCode(409).body("type", equalTo("urn:smarttown:problem:household-has-head"));
        post(WELFARE, "/api/residents/households/" + household + "/members",
                "{\"residentId\":\"%s\",\"primaryRecipient\":true,\"from\":\"2024-01-01\"}".formatted(son)).then()
                .statusCode(409).body("type", equalTo("urn:smarttown:problem:household-has-primary-recipient"));
        post(WELFARE, "/api/residents/households/" + household + "/members",
                "{\"residentId\":\"%s\",\"from\":\"2024-01-01\"}".formatted(son)).then().statusCode(200);
        post(WELFARE, "/api/residents/households/" + household + "/members",
                "{\"residentId\":\"%s\",\"from\":\"2025-01-01\"}".formatted(son)).then()
                .statusCode(409).body("type", equalTo("urn:smarttown:problem:household-membership-overlaps"));
        post(WELFARE, "/api/residents/households/" + household + "/members/" + son + "/leave", "{\"to\":\"2025-06-01\"}")
                .then().statusCode(200);

        given().auth().oauth2(SUPERVISOR).get("/api/residents/households/" + household).then()
                .statusCode(200)
                .body("members.name", contains("세대주", "아들"))
                .body("members[0].head", equalTo(true))
                .body("members[0].primaryRecipient", equalTo(true))
                .body("members[0].current", equalTo(true))
                .body("members[1].to", equalTo("2025-06-01"))
                .body("members[1].current", equalTo(false));
        // After leaving, the son may join another household.
        post(WELFARE, "/api/residents/households", """
                {"members":[{"residentId":"%s","head":true,"from":"2025-06-01"}]}""".formatted(son)).then().statusCode(201);
        post(WELFARE, "/api/residents/households", "{\"members\":[{\"residentId\":\"%s\"}]}".formatted(UUID.randomUUID()))
                .then().statusCode(400).body("errors.field", hasItem("residentId"));
    }

    @Test
    void aLookAlikeGoesToTheQueueAndNotADuplicateClosesIt() {
        String phone = uniquePhone();
        String first = registeredId(person("김영자", phone, "1944-04-04"));
        String second = registeredId(person("김영자", phone, "1944-04-04"));

        Map<String, Object> suspect = openSuspectFor(second);
        given().auth().oauth2(WELFARE).queryParam("residentId", second).get("/api/residents/duplicates").then()
                .body("items.find { it.resident.id == '%s' }.reason".formatted(second), equalTo("PHONE+NAME_AND_BIRTH_DATE"))
                .body("items.find { it.resident.id == '%s' }.other.id".formatted(second), equalTo(first));

        post(WELFARE, "/api/residents/duplicates/" + suspect.get("id") + "/resolve",
                "{\"resolution\":\"NOT_DUPLICATE\",\"note\":\"동명이인, 다른 동\"}").then()
                .statusCode(200).body("status", equalTo("RESOLVED")).body("resolution", equalTo("NOT_DUPLICATE"));
        post(WELFARE, "/api/residents/duplicates/" + suspect.get("id") + "/resolve", "{\"resolution\":\"NOT_DUPLICATE\"}")
                .then().statusCode(409);
        given().auth().oauth2(WELFARE).get("/api/residents/" + second).then().body("status", equalTo("ACTIVE"));
    }

    @Test
    void mergingKeepsOneRecordAndBothHistories() {
        String name = "박merge" + UUID.randomUUID().toString().substring(0, 4);
        String kept = registeredId(person(name, uniquePhone(), "1943-03-03")
                .replace("\"emergencyContacts\":[", "\"emergencyContactsX\":[").replaceAll("\"emergencyContactsX\":\\[[^\\]]*\\],", ""));
        String gone = registeredId(person(name, uniquePhone(), "1943-03-03"));
        Map<String, Object> suspect = openSuspectFor(gone);

        post(WELFARE, "/api/residents/duplicates/" + suspect.get("id") + "/resolve",
                "{\"resolution\":\"MERGE\",\"keep\":\"%s\"}".formatted(UUID.randomUUID())).then()
                .statusCode(400).body("errors.field", hasItem("keep"));
        post(WELFARE, "/api/residents/duplicates/" + suspect.get("id") + "/resolve",
                "{\"resolution\":\"MERGE\",\"keep\":\"%s\",\"note\":\"같은 분\"}".formatted(kept)).then()
                .statusCode(200).body("keptId", equalTo(kept));

        given().auth().oauth2(WELFARE).get("/api/residents/" + gone).then()
                .body("status", equalTo("MERGED"))
                .body("mergedInto", equalTo(kept))
                .body("statusHistory.status", contains("ACTIVE", "MERGED"));
        given().auth().oauth2(WELFARE).get("/api/residents/" + kept).then()
                .body("status", equalTo("ACTIVE"))
                .body("emergencyContacts.name", contains("박민수", "박민지"))
                .body("statusHistory", hasSize(2))
                .body("statusHistory[1].reason", containsString(gone));
        // care-service learns of it: the merged record left care, the kept one changed.
        await().atMost(Duration.ofSeconds(10)).until(() -> probe.about(UUID.fromString(gone)).stream()
                .anyMatch(e -> "ResidentDeactivated".equals(e.getString("type"))
                        && "MERGED".equals(e.getJsonObject("data").getString("status"))));
        await().atMost(Duration.ofSeconds(10)).until(() -> probe.about(UUID.fromString(kept)).stream()
                .anyMatch(e -> "ResidentUpdated".equals(e.getString("type"))
                        && e.getJsonObject("data").getJsonArray("emergencyContacts").size() == 2));
    }

    @Test
    void onlyWelfareStaffWorkTheQueueAndHouseholds() {
        for (String token : List.of(CARER, FOUNDER, AGENCY)) {
            given().auth().oauth2(token).get("/api/residents/duplicates").then().statusCode(403);
            post(token, "/api/residents/duplicates/" + UUID.randomUUID() + "/resolve", "{\"resolution\":\"NOT_DUPLICATE\"}")
                    .then().statusCode(403);
            post(token, "/api/residents/households", "{}").then().statusCode(403);
            given().auth().oauth2(token).get("/api/residents/households/" + UUID.randomUUID()).then().statusCode(403);
            post(token, "/api/residents/households/" + UUID.randomUUID() + "/members", "{}").then().statusCode(403);
        }
        given().get("/api/residents/duplicates").then().statusCode(401);
        given().get("/api/residents/households/" + UUID.randomUUID()).then().statusCode(401);
        given().auth().oauth2(WELFARE).get("/api/residents/duplicates").then().statusCode(200)
                .body(not(containsString("\"rrn\"")));
    }

    private static Map<String, Object> openSuspectFor(String residentId) {
        List<Map<String, Object>> items = given().auth().oauth2(WELFARE).queryParam("residentId", residentId)
                .get("/api/residents/duplicates").then().statusCode(200).extract().path("items");
        return items.stream().filter(i -> residentId.equals(((Map<?, ?>) i.get("resident")).get("id"))).findFirst()
                .orElseThrow(() -> new AssertionError("no open suspicion for " + residentId));
    }
}
