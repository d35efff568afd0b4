package org.smarttown.mentoring.calendar;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smarttown.mentoring.Api.AGENCY_A;
import static org.smarttown.mentoring.Api.as;
import static org.smarttown.mentoring.Api.founder;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smarttown.mentoring.Api;

import io.quarkus.test.junit.QuarkusTest;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;

@QuarkusTest
class CalendarTest {

    private final LocalDate monday = Api.mondayAhead(7);
    private String mentorId;
    private String typeId;

    @BeforeEach
    void data() {
        Api.agencies();
        Map<String, Object> mentor = new java.util.HashMap<>(Map.of("name", "Calendar mentor",
                "email", "calendar.mentor@agency-a.example", "expertise", List.of("ics"),
                "availability", Api.everyDay("09:00", "12:00")));
        mentorId = as(AGENCY_A).body(mentor).post("/partner/v1/mentors").then().statusCode(201).extract().path("id");
        typeId = Api.createSessionType(AGENCY_A, Api.sessionType("MENTORING", 60));
    }

    private String book(String founderName, String time) {
        return as(founder(founderName)).body(Api.booking(mentorId, typeId, Api.at(monday, time)))
                .post("/api/mentoring/sessions").then().statusCode(201).extract().path("id");
    }

    @Test
    void aSessionIsAnIcsWithTheMentorAsOrganizerAndTheFounderAsAttendee() throws Exception {
        String id = book("ics-founder", "09:00");
        String text = as(founder("ics-founder")).get("/api/mentoring/sessions/" + id + "/calendar.ics").then()
                .statusCode(200).contentType("text/calendar").extract().asString();
        Calendar calendar = new CalendarBuilder().build(new StringReader(text));
        VEvent event = (VEvent) calendar.getComponent("VEVENT").orElseThrow();
        assertEquals(id + "@smarttown", event.getUid().orElseThrow().getValue());
        assertEquals("mailto:calendar.mentor@agency-a.example",
                event.getProperty("ORGANIZER").orElseThrow().getValue());
        assertTrue(event.getProperty("ATTENDEE").orElseThrow().getValue().contains("ics-founder"));
        assertEquals("CONFIRMED", event.getProperty("STATUS").orElseThrow().getValue());
        assertTrue(text.contains("DTSTART:" + monday.toString().replace("-", "") + "T000000Z"), text);

        as(founder("someone-else")).get("/api/mentoring/sessions/" + id + "/calendar.ics").then().statusCode(404);
        as(AGENCY_A).get("/api/mentoring/sessions/" + id + "/calendar.ics").then().statusCode(403);
    }

    @Test
    void aFoundersPrivateFeedListsTheirSessionsAndANewFeedRevokesTheOld() throws Exception {
        String first = book("feed-founder", "10:00");
        String second = book("feed-founder", "11:00");
        book("feed-other", "09:00");
        String url = as(founder("feed-founder")).post("/api/mentoring/calendar/feed").then().statusCode(201)
                .extract().path("url");
        String text = given().get(url).then().statusCode(200).contentType("text/calendar").extract().asString();
        Calendar calendar = new CalendarBuilder().build(new StringReader(text));
        List<String> uids = calendar.getComponents("VEVENT").stream()
                .map(c -> ((VEvent) c).getUid().orElseThrow().getValue()).toList();
        assertEquals(List.of(first + "@smarttown", second + "@smarttown"), uids);

        String newer = as(founder("feed-founder")).post("/api/mentoring/calendar/feed").then().statusCode(201)
                .extract().path("url");
        given().get(url).then().statusCode(404);
        given().get(newer).then().statusCode(200);
        given().get("/api/mentoring/calendar/feeds/guessed.ics").then().statusCode(404);
        given().post("/api/mentoring/calendar/feed").then().statusCode(401);
    }
}
