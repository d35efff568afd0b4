package org.smarttown.coworking.member;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.smarttown.coworking.Office.MANAGER;
import static org.smarttown.coworking.Office.SEOUL;
import static org.smarttown.coworking.Office.application;
import static org.smarttown.coworking.Office.as;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.smarttown.commons.testing.TestTokens;
import org.smarttown.coworking.Office;
import org.smarttown.coworking.Office.Founder;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

@QuarkusTest
class MemberResourceTest {

    static final String PATH = "/api/coworking/members";

    static String newFounderToken() {
        return TestTokens.user(Office.unique("founder"), "founder");
    }

    @Test
    void aFounderAppliesAndAManagerApprovesWithACohortAndValidity() {
        String token = newFounderToken();
        String id = as(token).body(application(LocalDate.now(SEOUL).minusYears(25), "Team Apply")).post(PATH).then()
                .statusCode(201)
                .header("Location", containsString("/api/coworking/members/"))
                .body("status", equalTo("PENDING"))
                .body("teamName", equalTo("Team Apply"))
                .extract().path("id");
        as(token).get(PATH + "/me").then().statusCode(200).body("status", equalTo("PENDING"));

        LocalDate today = LocalDate.now(SEOUL);
        as(MANAGER).body(Map.of("cohort", "2026-B", "validUntil", today.plusMonths(6).toString()))
                .post(PATH + "/" + id + "/approve").then().statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("cohort", equalTo("2026-B"))
                .body("validFrom", equalTo(today.toString()))
                .body("validUntil", equalTo(today.plusMonths(6).toString()));
        as(token).get(PATH + "/me").then().statusCode(200).body("status", equalTo("APPROVED"));
        as(MANAGER).get(PATH + "?status=APPROVED&size=100&page=0").then().statusCode(200)
                .body("totalItems", notNullValue());
    }

    @Test
    void foundersYoungerThanNineteenOrOlderThanThirtyNineAreRefusedWithTheReason() {
        LocalDate today = LocalDate.now(SEOUL);
        as(newFounderToken()).body(application(today.minusYears(19).plusDays(1), null)).post(PATH).then()
                .statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:smarttown:problem:age-out-of-range"))
                .body("detail", containsString("19 to 39"))
                .body("detail", containsString("18"));
        as(newFounderToken()).body(application(today.minusYears(40), null)).post(PATH).then()
                .statusCode(422).body("type", equalTo("urn:smarttown:problem:age-out-of-range"));
        // The edges: 19 today, and the last day of being 39.
        as(newFounderToken()).body(application(today.minusYears(19), null)).post(PATH).then().statusCode(201);
        as(newFounderToken()).body(application(today.minusYears(40).plusDays(1), null)).post(PATH).then().statusCode(201);
    }

    @Test
    void aRejectionCarriesItsReasonAndTheFounderMayApplyAgain() {
        String token = newFounderToken();
        String id = as(token).body(application(LocalDate.now(SEOUL).minusYears(30), null)).post(PATH).then()
                .statusCode(201).extract().path("id");
        as(MANAGER).body(Map.of("reason", "Business plan missing")).post(PATH + "/" + id + "/reject").then()
                .statusCode(200).body("status", equalTo("REJECTED"));
        as(token).get(PATH + "/me").then().body("status", equalTo("REJECTED"))
                .body("decisionReason", equalTo("Business plan missing"));
        // A decided application cannot be decided again.
        as(MANAGER).body(Map.of("cohort", "2026-A")).post(PATH + "/" + id + "/approve").then().statusCode(409)
                .body("type", equalTo("urn:smarttown:problem:member-not-pending"));

        as(token).body(application(LocalDate.now(SEOUL).minusYears(30), null)).post(PATH).then().statusCode(201)
                .body("id", equalTo(id)).body("status", equalTo("PENDING"));
    }

    @Test
    void applyingTwiceIsAConflict() {
        String token = newFounderToken();
        as(token).body(application(LocalDate.now(SEOUL).minusYears(30), null)).post(PATH).then().statusCode(201);
        as(token).body(application(LocalDate.now(SEOUL).minusYears(30), null)).post(PATH).then().statusCode(409)
                .body("type", equalTo("urn:smarttown:problem:already-applied"));
    }

    @Test
    void foundersNamingTheSameTeamJoinOneTeam() {
        String team = Office.unique("Team");
        Founder a = Office.pendingFounder(team);
        Founder b = Office.pendingFounder(team.toUpperCase());
        String teamA = as(MANAGER).get(PATH + "/" + a.memberId()).then().statusCode(200).extract().path("teamId");
        as(MANAGER).get(PATH + "/" + b.memberId()).then().body("teamId", equalTo(teamA));
        as(MANAGER).get(PATH + "?teamId=" + teamA).then().statusCode(200)
                .body("totalItems", equalTo(2))
                .body("items.username", hasItem(a.username()));
    }

    @Test
    void badApplicationsAre400AndStoreNothing() {
        String token = newFounderToken();
        as(token).body(Map.of("name", "X", "startupName", "Y", "businessStage", "IDEA")).post(PATH).then()
                .statusCode(400).body("errors.field", hasItem("birthDate"));
        as(token).body(Map.of("name", "X", "startupName", "Y", "businessStage", "UNICORN", "birthDate", "1995-01-01"))
                .post(PATH).then().statusCode(400);
        as(token).body(application(LocalDate.now(SEOUL).plusDays(3), null)).post(PATH).then().statusCode(400);
        as(token).get(PATH + "/me").then().statusCode(404);
        as(MANAGER).body(Map.of("cohort", "2026-A", "validFrom", "2026-12-01", "validUntil", "2026-11-01"))
                .post(PATH + "/" + java.util.UUID.randomUUID() + "/approve").then().statusCode(400);
        as(MANAGER).body(Map.of("reason", "x")).post(PATH + "/" + java.util.UUID.randomUUID() + "/reject").then()
                .statusCode(404);
    }

    @Test
    void onlyFoundersApplyAndOnlyManagersDecide() {
        Founder founder = Office.pendingFounder(null);
        RestAssured.given().contentType(ContentType.JSON).body(application(LocalDate.now(SEOUL).minusYears(30), null))
                .post(PATH).then().statusCode(401);
        as(TestTokens.user("carer1", "care-worker")).body(application(LocalDate.now(SEOUL).minusYears(30), null))
                .post(PATH).then().statusCode(403).contentType("application/problem+json");
        as(TestTokens.agency("agency-a", "agency-a")).get(PATH + "/me").then().statusCode(403);
        as(founder.token()).body(Map.of("cohort", "2026-A")).post(PATH + "/" + founder.memberId() + "/approve").then()
                .statusCode(403);
        as(founder.token()).get(PATH).then().statusCode(403);
        as(founder.token()).get(PATH + "/" + founder.memberId()).then().statusCode(403);
        as(MANAGER).get(PATH + "/" + founder.memberId()).then().statusCode(200).body("status", equalTo("PENDING"));
    }
}
