package org.smarttown.coworking.report;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smarttown.coworking.Office.MANAGER;
import static org.smarttown.coworking.Office.as;
import static org.smarttown.coworking.Office.book;
import static org.smarttown.coworking.Office.day;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.smarttown.coworking.Bookings;
import org.smarttown.coworking.Office;
import org.smarttown.coworking.Office.Founder;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ReportTest {

    static final String PATH = "/api/coworking/reports/occupancy";

    @Inject
    Bookings bookings;

    @Test
    void occupancyCountsBookedHoursPerSpaceDayAndHourAndNoShowsApart() {
        String room = Office.space("MEETING_ROOM", Map.of("opensAt", "08:00", "closesAt", "18:00"));
        String code = as(MANAGER).get("/api/coworking/spaces/" + room).then().extract().path("code");
        Founder founder = Office.approvedFounder();
        LocalDate d = day(2);
        book(founder, room, d, "10:30", "12:00").then().statusCode(201);
        String missed = book(founder, room, d, "13:00", "14:00").then().statusCode(201).extract().path("id");
        bookings.deadline(missed, OffsetDateTime.now().minusSeconds(1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(MANAGER).get("/api/coworking/bookings/" + missed)
                .then().body("status", equalTo("NO_SHOW")));

        as(MANAGER).queryParam("from", d.toString()).queryParam("to", d.toString()).get(PATH).then().statusCode(200)
                .body("bySpace.find { it.spaceCode == '" + code + "' }.bookedHours", equalTo(1.5f))
                .body("bySpace.find { it.spaceCode == '" + code + "' }.openHours", equalTo(10.0f))
                .body("bySpace.find { it.spaceCode == '" + code + "' }.occupancy", equalTo(0.15f))
                .body("noShows.noShows", greaterThanOrEqualTo(1))
                .body("byHour.find { it.hour == 11 }.bookedHours", greaterThanOrEqualTo(1.0f));

        String csv = as(MANAGER).queryParam("from", d.toString()).queryParam("to", d.toString()).get(PATH + ".csv").then()
                .statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("attachment"))
                .extract().asString();
        assertTrue(csv.startsWith("space,day,hour,booked_minutes\r\n"));
        assertTrue(csv.contains(code + "," + d + ",10,30\r\n"), csv);
        assertTrue(csv.contains(code + "," + d + ",11,60\r\n"), csv);
        assertTrue(!csv.contains(code + "," + d + ",13,"), "a no-show does not occupy the room");
    }

    @Test
    void reportsAreForManagersOverAtMostAQuarter() {
        LocalDate d = day(0);
        as(Office.approvedFounder().token()).queryParam("from", d.toString()).queryParam("to", d.toString()).get(PATH)
                .then().statusCode(403);
        as(MANAGER).queryParam("from", d.toString()).queryParam("to", d.minusDays(1).toString()).get(PATH).then()
                .statusCode(400);
        as(MANAGER).queryParam("from", d.toString()).queryParam("to", d.plusDays(100).toString()).get(PATH).then()
                .statusCode(400);
        as(MANAGER).queryParam("to", d.toString()).get(PATH + ".csv").then().statusCode(400);
    }
}
