package org.smarttown.mentoring.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.smarttown.mentoring.Api.ADMIN;
import static org.smarttown.mentoring.Api.AGENCY_A;
import static org.smarttown.mentoring.Api.AGENCY_B;
import static org.smarttown.mentoring.Api.as;
import static org.smarttown.mentoring.Api.founder;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smarttown.mentoring.Api;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class CatalogTest {

    @BeforeEach
    void agencies() {
        Api.agencies();
    }

    @Test
    void adminRegistersAnAgencyOnceAndOthersMayNot() {
        String id = "ag-" + UUID.randomUUID().toString().substring(0, 8);
        as(ADMIN).body(Map.of("id", id, "name", "Seoul Tech Hub")).post("/api/mentoring/agencies").then()
                .statusCode(201).header("Location", "/api/mentoring/agencies/" + id).body("id", equalTo(id));
        as(ADMIN).body(Map.of("id", id, "name", "Again")).post("/api/mentoring/agencies").then()
                .statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:smarttown:problem:agency-exists"));
        as(founder("founder1")).body(Map.of("id", id + "x", "name", "x")).post("/api/mentoring/agencies").then()
                .statusCode(403);
        as(AGENCY_A).body(Map.of("id", id + "y", "name", "y")).post("/api/mentoring/agencies").then().statusCode(403);
        given().contentType("application/json").body(Map.of("id", id + "z", "name", "z"))
                .post("/api/mentoring/agencies").then().statusCode(401);
        as(ADMIN).body(Map.of("id", "Not Valid!", "name", "x")).post("/api/mentoring/agencies").then()
                .statusCode(400).contentType("application/problem+json");
    }

    @Test
    void anAgencyAddsAMentorWithAvailabilityThatFoundersFindByExpertiseAndAgency() {
        String tag = "tag" + UUID.randomUUID().toString().substring(0, 6);
        String mentorId = Api.mentor(AGENCY_A, "Kim Jiwon", List.of(tag, "SaaS"), Api.everyDay("09:00", "12:00"));
        String otherId = Api.mentor(AGENCY_B, "Lee Minho", List.of(tag), Api.everyDay("09:00", "12:00"));

        as(founder("founder1")).queryParam("expertise", tag).queryParam("agency", "agency-a")
                .get("/api/mentoring/mentors").then().statusCode(200)
                .body("items.id", contains(mentorId))
                .body("items[0].expertise", contains(tag, "saas"))
                .body("items[0].availability.weekly.size()", equalTo(7));
        as(founder("founder1")).queryParam("expertise", tag.toUpperCase()).get("/api/mentoring/mentors").then()
                .statusCode(200).body("totalItems", equalTo(2)).body("items.id", hasItem(otherId));
        as(founder("founder1")).get("/api/mentoring/mentors/" + mentorId).then().statusCode(200)
                .body("name", equalTo("Kim Jiwon"));
        as(AGENCY_A).get("/api/mentoring/mentors").then().statusCode(403);
    }

    @Test
    void availabilityWithOverridesAndHolidaysIsReplacedWholeAndCheckedFirst() {
        String mentorId = Api.mentor(AGENCY_A, "Park Seoyeon", List.of("legal"), Api.everyDay("09:00", "12:00"));
        Map<String, Object> availability = Map.of(
                "weekly", List.of(Map.of("day", "TUESDAY", "start", "13:00", "end", "17:00")),
                "overrides", List.of(Map.of("date", "2030-01-08", "hours", List.of(Map.of("start", "10:00", "end", "11:00")))),
                "holidays", List.of("2030-01-01"));
        as(AGENCY_A).body(availability).put("/partner/v1/mentors/" + mentorId + "/availability").then().statusCode(200)
                .body("weekly[0].day", equalTo("TUESDAY")).body("holidays", contains("2030-01-01"));

        Map<String, Object> backwards = Map.of("weekly", List.of(Map.of("day", "MONDAY", "start", "12:00", "end", "09:00")));
        as(AGENCY_A).body(backwards).put("/partner/v1/mentors/" + mentorId + "/availability").then().statusCode(400)
                .contentType("application/problem+json");
        as(AGENCY_A).body(Map.of("weekly", List.of(Map.of("day", "FUNDAY", "start", "09:00", "end", "10:00"))))
                .put("/partner/v1/mentors/" + mentorId + "/availability").then().statusCode(400);
        as(AGENCY_A).get("/partner/v1/mentors/" + mentorId + "/availability").then().statusCode(200)
                .body("weekly[0].day", equalTo("TUESDAY")).body("overrides[0].date", equalTo("2030-01-08"));
    }

    @Test
    void sessionTypesCarryTheirRulesAndOnlyATechExchangeHasSeats() {
        Map<String, Object> body = Api.sessionType("CONSULTING_TAX", 45);
        body.put("bufferBeforeMinutes", 10);
        body.put("bufferAfterMinutes", 15);
        body.put("minBookingNoticeMinutes", 1440);
        body.put("minChangeNoticeMinutes", 720);
        body.put("maxPerDayPerMentor", 3);
        body.put("maxPerWeekPerFounder", 1);
        body.put("requiresConfirmation", true);
        String id = Api.createSessionType(AGENCY_A, body);
        as(AGENCY_A).get("/partner/v1/session-types/" + id).then().statusCode(200)
                .body("bufferAfterMinutes", equalTo(15)).body("maxPerDayPerMentor", equalTo(3))
                .body("requiresConfirmation", equalTo(true)).body("seats", equalTo(1));
        as(founder("founder1")).queryParam("agency", "agency-a").queryParam("size", 100)
                .get("/api/mentoring/session-types").then().statusCode(200).body("items.id", hasItem(id));
        as(founder("founder1")).queryParam("agency", "agency-b").queryParam("size", 100)
                .get("/api/mentoring/session-types").then().statusCode(200).body("items.id", not(hasItem(id)));

        Map<String, Object> seatedMentoring = Api.sessionType("MENTORING", 60);
        seatedMentoring.put("seats", 5);
        as(AGENCY_A).body(seatedMentoring).post("/partner/v1/session-types").then().statusCode(400)
                .body("errors[0].field", equalTo("seats"));
        Map<String, Object> group = Api.sessionType("TECH_EXCHANGE", 90);
        group.put("seats", 12);
        as(AGENCY_A).body(group).post("/partner/v1/session-types").then().statusCode(201).body("seats", equalTo(12));
        as(AGENCY_A).body(Map.of("kind", "KARAOKE", "name", "x", "durationMinutes", 30)).post("/partner/v1/session-types")
                .then().statusCode(400);
        as(AGENCY_A).body(Map.of("kind", "MENTORING", "name", "x", "durationMinutes", 1)).post("/partner/v1/session-types")
                .then().statusCode(400);
    }

    @Test
    void foundersCannotUseThePartnerApi() {
        as(founder("founder1")).get("/partner/v1/mentors").then().statusCode(403);
        as(ADMIN).get("/partner/v1/mentors").then().statusCode(403);
        given().get("/partner/v1/mentors").then().statusCode(401);
    }
}
