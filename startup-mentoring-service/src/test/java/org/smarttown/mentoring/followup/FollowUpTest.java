package org.smarttown.mentoring.followup;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
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
class FollowUpTest {

    private final LocalDate monday = Api.mondayAhead(8);
    private String sessionId;

    @BeforeEach
    void session() {
        Api.agencies();
        String mentorId = Api.mentor(AGENCY_A, "Follow-up mentor", List.of("follow"), Api.everyDay("09:00", "12:00"));
        String typeId = Api.createSessionType(AGENCY_A, Api.sessionType("MENTORING", 60));
        sessionId = as(founder("follow-founder")).body(Api.booking(mentorId, typeId, Api.at(monday, "09:00")))
                .post("/api/mentoring/sessions").then().statusCode(201).extract().path("id");
    }

    @Test
    void theFounderSeesOnlySharedNotesAndTicksOffActions() {
        as(AGENCY_A).body(Map.of("text", "Deck needs retention numbers", "sharedWithFounder", true))
                .post("/partner/v1/sessions/" + sessionId + "/notes").then().statusCode(201);
        as(AGENCY_A).body(Map.of("text", "Founder seemed unsure about pricing", "sharedWithFounder", false))
                .post("/partner/v1/sessions/" + sessionId + "/notes").then().statusCode(201);
        String actionId = as(AGENCY_A).body(Map.of("title", "Send revised deck", "dueDate", monday.plusDays(7).toString()))
                .post("/partner/v1/sessions/" + sessionId + "/follow-up-actions").then().statusCode(201)
                .extract().path("id");

        as(founder("follow-founder")).get("/api/mentoring/sessions/" + sessionId + "/follow-up").then().statusCode(200)
                .body("notes.text", contains("Deck needs retention numbers"))
                .body("actions.title", contains("Send revised deck"));
        as(AGENCY_A).get("/partner/v1/sessions/" + sessionId + "/follow-up").then().statusCode(200)
                .body("notes.size()", equalTo(2));
        as(founder("follow-founder")).body(Map.of("done", true))
                .post("/api/mentoring/sessions/" + sessionId + "/follow-up/actions/" + actionId).then().statusCode(200)
                .body("done", equalTo(true));

        as(founder("someone-else")).get("/api/mentoring/sessions/" + sessionId + "/follow-up").then().statusCode(404);
        as(founder("someone-else")).body(Map.of("done", false))
                .post("/api/mentoring/sessions/" + sessionId + "/follow-up/actions/" + actionId).then().statusCode(404);
        as(AGENCY_A).body(Map.of("text", "")).post("/partner/v1/sessions/" + sessionId + "/notes").then().statusCode(400);
    }

    @Test
    void anotherAgencyCanNeitherReadNorWriteTheFollowUp() {
        as(AGENCY_B).get("/partner/v1/sessions/" + sessionId + "/follow-up").then().statusCode(404);
        as(AGENCY_B).body(Map.of("text", "not ours", "sharedWithFounder", true))
                .post("/partner/v1/sessions/" + sessionId + "/notes").then().statusCode(404);
        as(AGENCY_B).body(Map.of("title", "not ours")).post("/partner/v1/sessions/" + sessionId + "/follow-up-actions")
                .then().statusCode(404);
        as(AGENCY_A).get("/partner/v1/sessions/" + sessionId + "/follow-up").then().statusCode(200)
                .body("notes.size()", equalTo(0)).body("actions.size()", equalTo(0));
    }
}
