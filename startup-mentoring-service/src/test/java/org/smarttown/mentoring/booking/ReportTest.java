package org.smarttown.mentoring.booking;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.smarttown.mentoring.Api.ADMIN;
import static org.smarttown.mentoring.Api.AGENCY_A;
import static org.smarttown.mentoring.Api.AGENCY_B;
import static org.smarttown.mentoring.Api.as;
import static org.smarttown.mentoring.Api.founder;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smarttown.mentoring.Api;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ReportTest {

    private final LocalDate monday = Api.mondayAhead(6);

    @BeforeEach
    void agencies() {
        Api.agencies();
    }

    @Test
    void theReportCountsSessionsNoShowsOnEachSideAndRatingsPerMentorForTheAgencyAndAdminOnly() {
        String mentorId = Api.mentor(AGENCY_A, "Reported mentor", List.of("report"), Api.everyDay("09:00", "12:00"));
        String typeId = Api.createSessionType(AGENCY_A, Api.sessionType("MENTORING", 60));
        String done = book(mentorId, typeId, "report-f1", "09:00");
        String host = book(mentorId, typeId, "report-f2", "10:00");
        String guest = book(mentorId, typeId, "report-f3", "11:00");
        as(AGENCY_A).post("/partner/v1/sessions/" + done + "/complete").then().statusCode(200);
        as(founder("report-f1")).body(Map.of("score", 4)).post("/api/mentoring/sessions/" + done + "/rating").then()
                .statusCode(200);
        as(AGENCY_A).body(Map.of("side", "HOST")).post("/partner/v1/sessions/" + host + "/no-show").then().statusCode(200);
        as(AGENCY_A).body(Map.of("side", "GUEST")).post("/partner/v1/sessions/" + guest + "/no-show").then().statusCode(200);

        String mine = "mentors.find { it.mentorId == '" + mentorId + "' }";
        as(AGENCY_A).queryParam("from", monday.toString()).queryParam("to", monday.toString()).get("/partner/v1/report")
                .then().statusCode(200).body("agencyId", equalTo("agency-a"))
                .body(mine + ".sessions.COMPLETED", equalTo(1)).body(mine + ".noShowsHost", equalTo(1))
                .body(mine + ".noShowsGuest", equalTo(1)).body(mine + ".ratings", equalTo(1))
                .body(mine + ".averageRating", equalTo(4.0f));
        as(ADMIN).queryParam("from", monday.toString()).queryParam("to", monday.toString())
                .get("/api/mentoring/agencies/agency-a/report").then().statusCode(200)
                .body(mine + ".noShowsGuest", equalTo(1));
        as(AGENCY_B).queryParam("from", monday.toString()).queryParam("to", monday.toString()).get("/partner/v1/report")
                .then().statusCode(200).body("mentors.mentorId", not(hasItem(mentorId)));
        as(founder("report-f1")).queryParam("from", monday.toString()).queryParam("to", monday.toString())
                .get("/api/mentoring/agencies/agency-a/report").then().statusCode(403);
        as(ADMIN).queryParam("from", monday.toString()).queryParam("to", monday.toString())
                .get("/api/mentoring/agencies/no-such-agency/report").then().statusCode(404);
        as(AGENCY_A).queryParam("from", "yesterday").queryParam("to", monday.toString()).get("/partner/v1/report")
                .then().statusCode(400).body("errors[0].field", equalTo("from"));
    }

    private String book(String mentorId, String typeId, String founderName, String time) {
        return as(founder(founderName)).body(Api.booking(mentorId, typeId, Api.at(monday, time)))
                .post("/api/mentoring/sessions").then().statusCode(201).extract().path("id");
    }
}
