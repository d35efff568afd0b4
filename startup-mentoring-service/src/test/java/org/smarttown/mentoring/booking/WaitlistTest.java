package org.smarttown.mentoring.booking;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
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

/** The waitlist of a TECH_EXCHANGE group session: who gets a freed seat, and what each founder sees. */
@QuarkusTest
class WaitlistTest {

    private final LocalDate monday = Api.mondayAhead(11);
    private String mentorId;
    private String typeId;

    @BeforeEach
    void groupType() {
        Api.agencies();
        mentorId = Api.mentor(AGENCY_A, "Waitlist host", List.of("waitlist"), Api.everyDay("09:00", "12:00"));
        Map<String, Object> type = Api.sessionType("TECH_EXCHANGE", 60);
        type.put("seats", 2);
        typeId = Api.createSessionType(AGENCY_A, type);
    }

    private String join(String founderName, String expectedPlace) {
        return as(founder(founderName)).body(Api.booking(mentorId, typeId, Api.at(monday, "10:00")))
                .post("/api/mentoring/sessions").then().statusCode(201).body("myPlace", equalTo(expectedPlace))
                .extract().path("id");
    }

    @Test
    void aFreedSeatGoesToTheLongestWaitingFounderAutomatically() {
        String id = join("wl-1", "SEATED");
        join("wl-2", "SEATED");
        join("wl-3", "WAITLISTED");
        join("wl-4", "WAITLISTED");

        // A waitlisted founder who leaves frees no seat: nobody moves.
        as(founder("wl-4")).body(Map.of("reason", "found another event")).post("/api/mentoring/sessions/" + id + "/cancel")
                .then().statusCode(200).body("myPlace", equalTo("CANCELLED")).body("seated", equalTo(2))
                .body("waitlisted", equalTo(1));
        join("wl-5", "WAITLISTED");

        as(founder("wl-2")).body(Map.of("reason", "ill")).post("/api/mentoring/sessions/" + id + "/cancel").then()
                .statusCode(200).body("seated", equalTo(2)).body("waitlisted", equalTo(1));
        as(founder("wl-3")).get("/api/mentoring/sessions/" + id).then().statusCode(200).body("myPlace", equalTo("SEATED"));
        as(founder("wl-5")).get("/api/mentoring/sessions/" + id).then().statusCode(200)
                .body("myPlace", equalTo("WAITLISTED"));
        as(AGENCY_A).get("/partner/v1/sessions/" + id).then().statusCode(200)
                .body("attendees.find { it.founder == 'wl-3' }.place", equalTo("SEATED"))
                .body("attendees.find { it.founder == 'wl-5' }.place", equalTo("WAITLISTED"))
                .body("changes.find { it.reason == 'seat passed from the waitlist to wl-3' }.actor", equalTo("wl-2"))
                .body("changes.find { it.actor == 'wl-5' }.reason", equalTo("joined the waitlist"))
                .body("changes.find { it.actor == 'wl-2' && it.reason == 'took a seat' }.actorKind", equalTo("FOUNDER"));

        // Cancelled by the agency, the whole group goes, waitlist included.
        as(AGENCY_A).body(Map.of("reason", "speaker cancelled")).post("/partner/v1/sessions/" + id + "/cancel").then()
                .statusCode(200).body("status", equalTo("CANCELLED"));
        as(founder("wl-5")).get("/api/mentoring/sessions/" + id).then().statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("changes.find { it.actorKind == 'AGENCY' }.reason", equalTo("speaker cancelled"));
    }

    @Test
    void aFounderOfAGroupSeesTheirOwnAndTheAgencysChangesButNotOtherFoundersNames() {
        String id = join("wl-private-1", "SEATED");
        join("wl-private-2", "SEATED");
        join("wl-private-3", "WAITLISTED");
        as(founder("wl-private-1")).body(Map.of("reason", "my child is ill")).post("/api/mentoring/sessions/" + id + "/cancel")
                .then().statusCode(200);

        String history = as(founder("wl-private-3")).get("/api/mentoring/sessions/" + id).then().statusCode(200)
                .body("myPlace", equalTo("SEATED")).body("attendees", org.hamcrest.Matchers.empty())
                .body("changes.reason", hasItem("joined the waitlist"))
                .body("changes.reason", not(hasItem("my child is ill")))
                // The session's opening is shown, without who opened it.
                .body("changes[0].toStatus", equalTo("CONFIRMED")).body("changes[0].actor", equalTo(null))
                .extract().asString();
        org.junit.jupiter.api.Assertions.assertFalse(history.contains("wl-private-1"), history);
        org.junit.jupiter.api.Assertions.assertFalse(history.contains("wl-private-2"), history);
        as(founder("wl-private-1")).get("/api/mentoring/sessions/" + id).then().statusCode(200)
                .body("changes.reason", hasItem(containsString("my child is ill")));
    }
}
