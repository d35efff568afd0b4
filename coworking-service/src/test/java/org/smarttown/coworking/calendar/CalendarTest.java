package org.smarttown.coworking.calendar;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.smarttown.coworking.Office.MANAGER;
import static org.smarttown.coworking.Office.as;
import static org.smarttown.coworking.Office.book;
import static org.smarttown.coworking.Office.day;

import java.io.StringReader;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.smarttown.coworking.Office;
import org.smarttown.coworking.Office.Founder;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;

@QuarkusTest
class CalendarTest {

    static Calendar parse(String text) throws Exception {
        return new CalendarBuilder().build(new StringReader(text));
    }

    static Set<String> uids(Calendar calendar) {
        List<VEvent> events = calendar.getComponents("VEVENT");
        return events.stream().map(e -> e.getUid().orElseThrow().getValue()).collect(Collectors.toSet());
    }

    @Test
    void theFeedHoldsExactlyTheFoundersActiveBookings() throws Exception {
        Founder founder = Office.approvedFounder();
        String room = Office.space("MEETING_ROOM");
        String kept = book(founder, room, day(2), "10:00", "11:00").then().statusCode(201).extract().path("id");
        String cancelled = book(founder, room, day(2), "12:00", "13:00").then().statusCode(201).extract().path("id");
        as(founder.token()).post("/api/coworking/bookings/" + cancelled + "/cancel").then().statusCode(200);
        book(Office.approvedFounder(), room, day(2), "14:00", "15:00").then().statusCode(201);

        String url = as(founder.token()).post("/api/coworking/calendar/feed").then().statusCode(201).extract().path("url");
        String text = RestAssured.given().get(url).then().statusCode(200).contentType("text/calendar").extract().asString();
        assertEquals(Set.of(kept + "@smarttown-coworking"), uids(parse(text)));

        // Rotating the token revokes the old URL.
        String next = as(founder.token()).post("/api/coworking/calendar/feed").then().statusCode(201).extract().path("url");
        RestAssured.given().get(url).then().statusCode(404);
        RestAssured.given().get(next).then().statusCode(200);
    }

    @Test
    void aConfirmationLinksToItsIcsWhichOnlyItsFounderAndManagersRead() throws Exception {
        Founder founder = Office.approvedFounder();
        String booth = Office.space("BOOTH");
        var created = book(founder, booth, day(2), "10:00", "10:30").then().statusCode(201).extract();
        String id = created.path("id");
        String link = created.path("calendarUrl");
        assertEquals("/api/coworking/bookings/" + id + "/calendar.ics", link);
        String text = as(founder.token()).get(link).then().statusCode(200).extract().asString();
        Calendar calendar = parse(text);
        assertEquals(Set.of(id + "@smarttown-coworking"), uids(calendar));
        as(Office.approvedFounder().token()).get(link).then().statusCode(404);
        as(MANAGER).get(link).then().statusCode(200);
        RestAssured.given().get(link).then().statusCode(401);
        RestAssured.given().get("/api/coworking/calendar/feeds/not-a-token.ics").then().statusCode(404)
                .body("type", equalTo("urn:smarttown:problem:not-found"));
    }
}
