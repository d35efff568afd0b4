package org.smarttown.coworking.packaged;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.smarttown.coworking.Office.as;
import static org.smarttown.coworking.Office.book;
import static org.smarttown.coworking.Office.day;

import org.junit.jupiter.api.Test;
import org.smarttown.commons.testing.ServicePlatformTest;
import org.smarttown.coworking.Office;
import org.smarttown.coworking.Office.Founder;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The packaged application (the JVM jar in every build, the native executable under
 * {@code -Pnative}): a founder's application and approval, a booking, the lost race for the same
 * slot, the booking's .ics and the calendar feed (ical4j), and a cancellation — the parts that
 * need reflection or resources in a native image.
 */
@QuarkusIntegrationTest
class PackagedCoworkingIT extends ServicePlatformTest {

    @Override
    protected String apiPath() {
        return "/api/coworking";
    }

    @Test
    void aFounderBooksGetsTheCalendarAndCancels() {
        Founder founder = Office.approvedFounder();
        String room = Office.space("MEETING_ROOM");
        var created = book(founder, room, day(3), "10:00", "11:00").then().statusCode(201).extract();
        String id = created.path("id");
        book(Office.approvedFounder(), room, day(3), "10:30", "11:30").then().statusCode(409)
                .contentType("application/problem+json");

        as(founder.token()).get((String) created.path("calendarUrl")).then().statusCode(200)
                .contentType("text/calendar").body(containsString("UID:" + id + "@smarttown-coworking"));
        String feed = as(founder.token()).post("/api/coworking/calendar/feed").then().statusCode(201).extract().path("url");
        given().get(feed).then().statusCode(200).body(containsString("BEGIN:VCALENDAR"));

        as(founder.token()).post("/api/coworking/bookings/" + id + "/cancel").then().statusCode(200)
                .body("status", equalTo("CANCELLED"));
    }
}
