package org.smarttown.resident.resident;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.smarttown.resident.resident.Residents.ADMIN;
import static org.smarttown.resident.resident.Residents.AGENCY;
import static org.smarttown.resident.resident.Residents.CARER;
import static org.smarttown.resident.resident.Residents.FOUNDER;
import static org.smarttown.resident.resident.Residents.SUPERVISOR;
import static org.smarttown.resident.resident.Residents.WELFARE;
import static org.smarttown.resident.resident.Residents.full;
import static org.smarttown.resident.resident.Residents.registeredId;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** GET /api/residents/households: paged, by name, filtered by where current members live. */
@QuarkusTest
class HouseholdListTest {

    private static String resident(String name, String dong, String complex) {
        return registeredId(full(name, complex, true).replace("두암동", dong)
                .replace("\"010-1234-5678\"", String.format("\"010-%04d-%04d\"", (int) (Math.random() * 10000),
                        (int) (Math.random() * 10000))));
    }

    private static String household(String name, String residentId, String from) {
        String body = (name == null ? "{" : "{\"name\":\"" + name + "\",")
                + "\"members\":[{\"residentId\":\"" + residentId + "\",\"head\":true,\"from\":\"" + from + "\"}]}";
        return given().auth().oauth2(WELFARE).contentType(ContentType.JSON).body(body).post("/api/residents/households")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void householdsAreListedByNameAndFilteredByWhereCurrentMembersLive() {
        String complex = Residents.uniqueComplex();
        String otherComplex = Residents.uniqueComplex();
        String second = household("나 세대 " + complex, resident("나세대주", "두암동", complex), "2020-01-01");
        String first = household("가 세대 " + complex, resident("가세대주", "두암동", complex), "2021-01-01");
        String unnamed = household(null, resident("무명세대주", "두암동", complex), "2022-01-01");
        String elsewhere = household("다른 단지", resident("다른세대주", "문흥동", otherComplex), "2020-01-01");
        // Someone who left a household no longer places it in their complex.
        String moved = resident("떠난세대주", "두암동", complex);
        String left = household("떠난 세대 " + complex, moved, "2020-01-01");
        given().auth().oauth2(WELFARE).contentType(ContentType.JSON).body("{\"to\":\"2024-01-01\"}")
                .post("/api/residents/households/" + left + "/members/" + moved + "/leave").then().statusCode(200);

        given().auth().oauth2(WELFARE).queryParam("complex", complex).get("/api/residents/households").then()
                .statusCode(200).body("totalItems", equalTo(3))
                .body("items.id", contains(first, second, unnamed))
                .body("items[0].members[0].name", equalTo("가세대주"))
                .body("items[0].members[0].head", equalTo(true))
                .body("items[0].members[0].current", equalTo(true));
        given().auth().oauth2(SUPERVISOR).queryParam("dong", "두암동").queryParam("complex", complex)
                .queryParam("size", 2).queryParam("page", 1).get("/api/residents/households").then().statusCode(200)
                .body("items.id", contains(unnamed)).body("totalPages", equalTo(2)).body("page", equalTo(1));
        given().auth().oauth2(ADMIN).queryParam("dong", "문흥동").queryParam("complex", otherComplex)
                .get("/api/residents/households").then().statusCode(200).body("items.id", contains(elsewhere));
        given().auth().oauth2(WELFARE).queryParam("dong", "문흥동").queryParam("complex", complex)
                .get("/api/residents/households").then().statusCode(200).body("totalItems", equalTo(0));
        given().auth().oauth2(WELFARE).queryParam("size", 100).queryParam("page", 0).get("/api/residents/households")
                .then().statusCode(200).body("size", equalTo(100));
        // Without filters every household is there, including the one nobody lives in any more.
        int pages = given().auth().oauth2(WELFARE).queryParam("size", 100).get("/api/residents/households").then()
                .extract().path("totalPages");
        List<String> all = new java.util.ArrayList<>();
        for (int page = 0; page < pages; page++) {
            all.addAll(given().auth().oauth2(WELFARE).queryParam("size", 100).queryParam("page", page)
                    .get("/api/residents/households").then().extract().path("items.id"));
        }
        org.hamcrest.MatcherAssert.assertThat(all, hasItems(first, second, unnamed, elsewhere, left));
        given().auth().oauth2(WELFARE).queryParam("complex", complex).get("/api/residents/households").then()
                .body("items.id", not(hasItem(left)));
        // A list shows names: it is in the access log as a search with its filters.
        given().auth().oauth2(ADMIN).queryParam("actor", "supervisor1").get("/api/residents/access-log").then()
                .body("items.purpose", hasItem("households dong=두암동 complex=" + complex + " page=1"));
    }

    @Test
    void onlyStaffWhoMayReadAHouseholdMayListThemAndPagesAreBounded() {
        for (String token : List.of(CARER, FOUNDER, AGENCY)) {
            given().auth().oauth2(token).get("/api/residents/households").then().statusCode(403);
        }
        given().get("/api/residents/households").then().statusCode(401);
        given().auth().oauth2(WELFARE).queryParam("size", 101).get("/api/residents/households").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(WELFARE).queryParam("page", -1).get("/api/residents/households").then().statusCode(400);
        given().auth().oauth2(WELFARE).queryParam("complex", "x".repeat(101)).get("/api/residents/households").then()
                .statusCode(400);
        given().auth().oauth2(WELFARE).get("/api/residents/households/" + UUID.randomUUID()).then().statusCode(404);
    }
}
