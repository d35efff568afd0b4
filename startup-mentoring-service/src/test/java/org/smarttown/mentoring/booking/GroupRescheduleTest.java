package org.smarttown.mentoring.booking;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.smarttown.mentoring.Api.AGENCY_A;
import static org.smarttown.mentoring.Api.as;
import static org.smarttown.mentoring.Api.founder;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smarttown.mentoring.Api;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Rescheduling TECH_EXCHANGE group sessions: a founder moves their own seat to the group at another
 * start (with the notice, seat, limit and waitlist rules of cancelling and booking); the agency
 * moves the whole group event with its seats and waitlist.
 */
@QuarkusTest
class GroupRescheduleTest {

    // Within two weeks: a change notice of 30 days (the most a type allows) then covers every start.
    private final LocalDate monday = Api.mondayAhead(1);
    private String mentorId;

    @BeforeEach
    void mentor() {
        Api.agencies();
        mentorId = Api.mentor(AGENCY_A, "Group reschedule host", List.of("groups"), Api.everyDay("09:00", "13:00"));
    }

    private String groupType(Map<String, Object> rules) {
        Map<String, Object> type = Api.sessionType("TECH_EXCHANGE", 60);
        type.put("seats", 2);
        type.putAll(rules);
        return Api.createSessionType(AGENCY_A, type);
    }

    private String join(String founderName, String typeId, String time, String expectedPlace) {
        return as(founder(founderName)).body(Api.booking(mentorId, typeId, Api.at(monday, time)))
                .post("/api/mentoring/sessions").then().statusCode(201).body("myPlace", equalTo(expectedPlace))
                .extract().path("id");
    }

    private io.restassured.response.Response move(String founderName, String sessionId, String time) {
        return as(founder(founderName)).body(Map.of("start", Api.at(monday, time), "reason", "clash"))
                .post("/api/mentoring/sessions/" + sessionId + "/reschedule");
    }

    @Test
    void aFounderMovesTheirSeatAndTheFirstOnTheWaitlistTakesTheFreedOne() {
        // One place per founder and day: moving within the day must not count the old place twice.
        String typeId = groupType(Map.of("maxPerDayPerFounder", 1));
        String nine = join("gr-a1", typeId, "09:00", "SEATED");
        join("gr-a2", typeId, "09:00", "SEATED");
        join("gr-a3", typeId, "09:00", "WAITLISTED");

        String ten = move("gr-a1", nine, "10:00").then().statusCode(200)
                .body("start", equalTo(Api.at(monday, "10:00"))).body("status", equalTo("CONFIRMED"))
                .body("myPlace", equalTo("SEATED")).body("seated", equalTo(1)).body("waitlisted", equalTo(0))
                .body("changes.reason", hasItem(containsString("moved from " + monday + "T09:00")))
                .extract().path("id");
        assertNotEquals(nine, ten, "the seat moves to the group session at the new start");

        as(AGENCY_A).get("/partner/v1/sessions/" + nine).then().statusCode(200)
                .body("start", equalTo(Api.at(monday, "09:00"))).body("seated", equalTo(2))
                .body("waitlisted", equalTo(0))
                .body("attendees.find { it.founder == 'gr-a1' }.place", equalTo("CANCELLED"))
                .body("attendees.find { it.founder == 'gr-a3' }.place", equalTo("SEATED"))
                .body("changes.reason", hasItem(containsString("moved to " + monday + "T10:00")))
                .body("changes.reason", hasItem("seat passed from the waitlist to gr-a3"));
        as(founder("gr-a1")).get("/api/mentoring/sessions/" + nine).then().statusCode(200)
                .body("myPlace", equalTo("CANCELLED"));
        as(founder("gr-a1")).get("/api/mentoring/sessions/mine").then().statusCode(200)
                .body("items.find { it.id == '" + ten + "' }.myPlace", equalTo("SEATED"));
    }

    @Test
    void aSeatMovesOnlyIntoAFreeSeatAndARefusedMoveKeepsTheOldPlace() {
        String typeId = groupType(Map.of());
        String nine = join("gr-b1", typeId, "09:00", "SEATED");
        String ten = join("gr-b2", typeId, "10:00", "SEATED");
        join("gr-b3", typeId, "10:00", "SEATED");
        join("gr-b4", typeId, "10:00", "WAITLISTED");

        move("gr-b1", nine, "10:00").then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:smarttown:problem:no-seat-free"));
        as(founder("gr-b1")).get("/api/mentoring/sessions/" + nine).then().statusCode(200)
                .body("myPlace", equalTo("SEATED")).body("status", equalTo("CONFIRMED")).body("seated", equalTo(1))
                .body("changes.size()", equalTo(1));

        // gr-b3 leaves; the waitlisted gr-b4 takes that seat, so 10:00 is still full.
        as(founder("gr-b3")).body(Map.of("reason", "ill")).post("/api/mentoring/sessions/" + ten + "/cancel").then()
                .statusCode(200);
        move("gr-b1", nine, "10:00").then().statusCode(409);
        as(founder("gr-b4")).body(Map.of("reason", "ill")).post("/api/mentoring/sessions/" + ten + "/cancel").then()
                .statusCode(200);

        move("gr-b1", nine, "10:00").then().statusCode(200).body("id", equalTo(ten)).body("myPlace", equalTo("SEATED"))
                .body("seated", equalTo(2));
        // gr-b1 was the last at 09:00: the empty group session is cancelled, so the mentor is free again.
        as(AGENCY_A).get("/partner/v1/sessions/" + nine).then().statusCode(200).body("status", equalTo("CANCELLED"));
        as(founder("gr-b5")).queryParam("sessionType", typeId).queryParam("from", monday.toString())
                .queryParam("to", monday.toString()).get("/api/mentoring/mentors/" + mentorId + "/slots").then()
                .statusCode(200).body("find { it.start == '" + Api.at(monday, "09:00") + "' }.seatsLeft", equalTo(2));
    }

    @Test
    void insideTheChangeNoticeTheFounderIsRefusedButTheAgencyMovesTheWholeGroup() {
        String typeId = groupType(Map.of("minChangeNoticeMinutes", 60 * 24 * 30));
        String nine = join("gr-c1", typeId, "09:00", "SEATED");
        join("gr-c2", typeId, "09:00", "SEATED");
        join("gr-c3", typeId, "09:00", "WAITLISTED");

        move("gr-c1", nine, "11:00").then().statusCode(409)
                .body("type", equalTo("urn:smarttown:problem:change-notice-passed"));

        as(AGENCY_A).body(Map.of("start", Api.at(monday, "11:00"), "reason", "room change"))
                .post("/partner/v1/sessions/" + nine + "/reschedule").then().statusCode(200)
                .body("id", equalTo(nine)).body("start", equalTo(Api.at(monday, "11:00")))
                .body("end", equalTo(Api.at(monday, "12:00"))).body("seated", equalTo(2)).body("waitlisted", equalTo(1))
                .body("attendees.find { it.founder == 'gr-c3' }.place", equalTo("WAITLISTED"));
        for (String name : List.of("gr-c1", "gr-c2", "gr-c3")) {
            as(founder(name)).get("/api/mentoring/sessions/" + nine).then().statusCode(200)
                    .body("start", equalTo(Api.at(monday, "11:00")));
        }
        as(founder("gr-c4")).queryParam("sessionType", typeId).queryParam("from", monday.toString())
                .queryParam("to", monday.toString()).get("/api/mentoring/mentors/" + mentorId + "/slots").then()
                .statusCode(200).body("find { it.start == '" + Api.at(monday, "11:00") + "' }.seatsLeft", equalTo(0))
                .body("find { it.start == '" + Api.at(monday, "09:00") + "' }.seatsLeft", equalTo(2));
    }

    @Test
    void theAgencyCannotMoveAGroupOntoAnotherGroupOrATakenTime() {
        String typeId = groupType(Map.of());
        String nine = join("gr-d1", typeId, "09:00", "SEATED");
        String eleven = join("gr-d2", typeId, "11:00", "SEATED");
        as(AGENCY_A).body(Map.of("start", Api.at(monday, "11:00"))).post("/partner/v1/sessions/" + nine + "/reschedule")
                .then().statusCode(409).body("type", equalTo("urn:smarttown:problem:slot-taken"));
        String oneToOne = Api.createSessionType(AGENCY_A, Api.sessionType("MENTORING", 60));
        as(founder("gr-d3")).body(Api.booking(mentorId, oneToOne, Api.at(monday, "12:00")))
                .post("/api/mentoring/sessions").then().statusCode(201);
        as(AGENCY_A).body(Map.of("start", Api.at(monday, "12:00"))).post("/partner/v1/sessions/" + nine + "/reschedule")
                .then().statusCode(409);
        as(AGENCY_A).get("/partner/v1/sessions/" + nine).then().body("start", equalTo(Api.at(monday, "09:00")));
        as(AGENCY_A).get("/partner/v1/sessions/" + eleven).then().body("seated", equalTo(1));
    }

    @Test
    void badSeatMovesAre400ProblemsAndChangeNothing() {
        String typeId = groupType(Map.of());
        String nine = join("gr-e1", typeId, "09:00", "SEATED");
        for (String start : List.of("2020-01-06T10:00:00+09:00", Api.at(monday, "10:15"), Api.at(monday, "09:00"),
                Api.at(monday, "13:00"))) {
            as(founder("gr-e1")).body(Map.of("start", start)).post("/api/mentoring/sessions/" + nine + "/reschedule")
                    .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("start"));
        }
        as(founder("gr-e2")).body(Map.of("start", Api.at(monday, "10:00")))
                .post("/api/mentoring/sessions/" + nine + "/reschedule").then().statusCode(404);
        as(founder("gr-e1")).get("/api/mentoring/sessions/" + nine).then().statusCode(200)
                .body("myPlace", equalTo("SEATED")).body("start", equalTo(Api.at(monday, "09:00")))
                .body("changes.size()", equalTo(1));
        List<String> mine = as(founder("gr-e1")).get("/api/mentoring/sessions/mine").then().extract().path("items.id");
        assertEquals(List.of(nine), mine);
    }
}
