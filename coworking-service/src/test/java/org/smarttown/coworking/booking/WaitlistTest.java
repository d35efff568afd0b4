package org.smarttown.coworking.booking;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.smarttown.coworking.Office.as;
import static org.smarttown.coworking.Office.book;
import static org.smarttown.coworking.Office.booking;
import static org.smarttown.coworking.Office.day;

import java.time.Duration;
import java.time.OffsetDateTime;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.smarttown.coworking.Bookings;
import org.smarttown.coworking.EventProbe;
import org.smarttown.coworking.Office;
import org.smarttown.coworking.Office.Founder;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class WaitlistTest {

    static final String WAITLIST = "/api/coworking/waitlist";

    @Inject
    Bookings bookings;
    @Inject
    EventProbe events;

    static String join(Founder founder, String space, String from, String to) {
        return as(founder.token()).body(booking(space, day(2), from, to)).post(WAITLIST).then().statusCode(201)
                .body("status", equalTo("WAITING")).extract().path("id");
    }

    @Test
    void cancellingGivesTheSlotToTheFirstInLineAndTellsThem() {
        String room = Office.space("MEETING_ROOM");
        Founder holder = Office.approvedFounder();
        Founder first = Office.approvedFounder();
        Founder second = Office.approvedFounder();
        String id = book(holder, room, day(2), "10:00", "11:00").then().statusCode(201).extract().path("id");
        String firstEntry = join(first, room, "10:00", "11:00");
        String secondEntry = join(second, room, "10:00", "11:00");
        as(first.token()).body(booking(room, day(2), "10:00", "11:00")).post(WAITLIST).then().statusCode(409)
                .body("type", equalTo("urn:smarttown:problem:already-waiting"));

        as(holder.token()).post("/api/coworking/bookings/" + id + "/cancel").then().statusCode(200);

        String promoted = as(first.token()).get(WAITLIST + "/mine").then().statusCode(200)
                .body("items[0].id", equalTo(firstEntry))
                .body("items[0].status", equalTo("PROMOTED"))
                .body("items[0].bookingId", notNullValue())
                .extract().path("items[0].bookingId");
        as(first.token()).get("/api/coworking/bookings/" + promoted).then().statusCode(200)
                .body("status", equalTo("CONFIRMED")).body("spaceId", equalTo(room));
        as(second.token()).get(WAITLIST + "/mine").then().body("items[0].id", equalTo(secondEntry))
                .body("items[0].status", equalTo("WAITING"));
        await().atMost(Duration.ofSeconds(30)).until(() -> !events.of("WaitlistPromoted", "waitlistEntryId", firstEntry).isEmpty());
        assertEquals(first.username(), events.of("WaitlistPromoted", "waitlistEntryId", firstEntry).get(0)
                .getJsonObject("data").getString("username"));
    }

    @Test
    void aFounderWhosePolicyNoLongerAllowsItIsPassedOver() {
        String room = Office.space("MEETING_ROOM");
        String other = Office.space("MEETING_ROOM");
        Founder holder = Office.approvedFounder();
        Founder busy = Office.approvedFounder();
        Founder next = Office.approvedFounder();
        String id = book(holder, room, day(2), "10:00", "14:00").then().statusCode(201).extract().path("id");
        join(busy, room, "10:00", "14:00");
        String nextEntry = join(next, room, "12:00", "14:00");
        // Meanwhile "busy" books 8 hours elsewhere: another 4 would pass the 10-hour weekly quota.
        book(busy, other, day(2), "00:00", "04:00").then().statusCode(201);
        book(busy, other, day(2), "04:00", "08:00").then().statusCode(201);

        as(holder.token()).post("/api/coworking/bookings/" + id + "/cancel").then().statusCode(200);

        as(busy.token()).get(WAITLIST + "/mine").then().body("items[0].status", equalTo("WAITING"));
        as(next.token()).get(WAITLIST + "/mine").then().body("items[0].id", equalTo(nextEntry))
                .body("items[0].status", equalTo("PROMOTED"));
    }

    @Test
    void aNoShowReleaseAlsoPromotesTheWaitlist() {
        String room = Office.space("MEETING_ROOM");
        Founder holder = Office.approvedFounder();
        Founder waiting = Office.approvedFounder();
        String id = book(holder, room, day(2), "15:00", "16:00").then().statusCode(201).extract().path("id");
        String entry = join(waiting, room, "15:00", "16:00");
        // The stored deadline passes (as with a much shorter no-show window): the release job frees the room.
        bookings.deadline(id, OffsetDateTime.now().minusSeconds(1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(waiting.token()).get(WAITLIST + "/mine").then()
                .body("items[0].id", equalTo(entry)).body("items[0].status", equalTo("PROMOTED")));
        as(holder.token()).get("/api/coworking/bookings/" + id).then().body("status", equalTo("NO_SHOW"));
    }

    @Test
    void waitingIsForTakenSlotsOnly() {
        String room = Office.space("MEETING_ROOM");
        Founder founder = Office.approvedFounder();
        as(founder.token()).body(booking(room, day(2), "10:00", "11:00")).post(WAITLIST).then().statusCode(409)
                .body("type", equalTo("urn:smarttown:problem:slot-available"));
        book(Office.approvedFounder(), room, day(2), "10:00", "11:00").then().statusCode(201);
        String entry = join(founder, room, "10:00", "11:00");
        as(Office.approvedFounder().token()).post(WAITLIST + "/" + entry + "/leave").then().statusCode(404);
        as(founder.token()).post(WAITLIST + "/" + entry + "/leave").then().statusCode(200).body("status", equalTo("LEFT"));
        as(founder.token()).body(booking(room, day(2), "10:15", "11:00")).post(WAITLIST).then().statusCode(400);
        as(Office.pendingFounder(null).token()).body(booking(room, day(2), "10:00", "11:00")).post(WAITLIST).then()
                .statusCode(403);
    }
}
