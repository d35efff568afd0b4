package org.smarttown.coworking.booking;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.smarttown.coworking.Office.MANAGER;
import static org.smarttown.coworking.Office.as;
import static org.smarttown.coworking.Office.book;
import static org.smarttown.coworking.Office.day;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.smarttown.coworking.Bookings;
import org.smarttown.coworking.EventProbe;
import org.smarttown.coworking.Office;
import org.smarttown.coworking.Office.Founder;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class CheckInAndNoShowTest {

    static final String PATH = "/api/coworking/bookings";

    @Inject
    Bookings bookings;
    @Inject
    EventProbe events;

    @Test
    void aFounderChecksInWithTheQrTokenOnlyWithinTheWindow() {
        Founder founder = Office.approvedFounder();
        String booth = Office.space("BOOTH");
        var created = book(founder, booth, day(2), "10:00", "11:00").then().statusCode(201).extract();
        String id = created.path("id");
        String token = created.path("checkInToken");
        as(founder.token()).body(Map.of("token", token)).post(PATH + "/check-in").then().statusCode(422)
                .body("type", equalTo("urn:smarttown:problem:check-in-too-early"));

        bookings.startAt(id, OffsetDateTime.now().plusMinutes(5));
        as(Office.approvedFounder().token()).body(Map.of("token", token)).post(PATH + "/check-in").then().statusCode(404);
        as(founder.token()).body(Map.of("token", token)).post(PATH + "/check-in").then().statusCode(200)
                .body("status", equalTo("CHECKED_IN"));
        as(founder.token()).body(Map.of("token", token)).post(PATH + "/check-in").then().statusCode(409);
    }

    @Test
    void aManagerChecksAFounderIn() {
        Founder founder = Office.approvedFounder();
        String id = book(founder, Office.space("BOOTH"), day(2), "10:00", "10:30").then().statusCode(201).extract().path("id");
        bookings.startAt(id, OffsetDateTime.now().plusMinutes(10));
        as(founder.token()).post(PATH + "/" + id + "/check-in").then().statusCode(403);
        as(MANAGER).post(PATH + "/" + id + "/check-in").then().statusCode(200).body("status", equalTo("CHECKED_IN"));
    }

    @Test
    void withoutCheckInTheBookingIsReleasedAsANoShowAndTheSpaceIsFree() {
        Founder founder = Office.approvedFounder();
        String room = Office.space("MEETING_ROOM");
        String id = book(founder, room, day(2), "10:00", "11:00").then().statusCode(201).extract().path("id");
        bookings.deadline(id, OffsetDateTime.now().minusSeconds(1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(founder.token()).get(PATH + "/" + id).then()
                .body("status", equalTo("NO_SHOW")));
        await().atMost(Duration.ofSeconds(30)).until(() -> !events.of("BookingNoShow", "bookingId", id).isEmpty());
        book(Office.approvedFounder(), room, day(2), "10:00", "11:00").then().statusCode(201);
        String token = as(founder.token()).get(PATH + "/" + id).then().extract().path("checkInToken");
        as(founder.token()).body(Map.of("token", token)).post(PATH + "/check-in").then().statusCode(409)
                .body("type", equalTo("urn:smarttown:problem:booking-not-active"));
    }

    @Test
    void threeNoShowsBlockNewBookingsWithTheDateTheyMayBookAgain() {
        Founder founder = Office.approvedFounder();
        String desk = Office.space("DESK", Map.of("opensAt", "08:00", "closesAt", "18:00"));
        String last = null;
        for (int d = 1; d <= 3; d++) {
            last = book(founder, desk, day(d), "08:00", "18:00").then().statusCode(201).extract().path("id");
            bookings.deadline(last, OffsetDateTime.now().minusSeconds(1));
        }
        String third = last;
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(founder.token())
                .get(PATH + "/mine?status=NO_SHOW").then().body("totalItems", equalTo(3)));
        book(founder, desk, day(4), "08:00", "18:00").then().statusCode(422)
                .body("type", equalTo("urn:smarttown:problem:no-show-blocked"))
                .body("detail", containsString("book again from"));
        await().atMost(Duration.ofSeconds(30)).until(() -> events.of("BookingNoShow", "bookingId", third).stream()
                .anyMatch(e -> e.getJsonObject("data").getBoolean("blocked")));
    }
}
