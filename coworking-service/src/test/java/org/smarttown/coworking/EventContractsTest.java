package org.smarttown.coworking;

import static org.awaitility.Awaitility.await;
import static org.smarttown.coworking.Office.as;
import static org.smarttown.coworking.Office.book;
import static org.smarttown.coworking.Office.booking;
import static org.smarttown.coworking.Office.day;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.smarttown.commons.testing.Contracts;
import org.smarttown.coworking.Office.Founder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

/** Every event this service publishes to coworking.events, received from the broker, has its contract's shape. */
@QuarkusTest
class EventContractsTest {

    @Inject
    EventProbe events;
    @Inject
    Bookings bookings;

    final ObjectMapper mapper = new ObjectMapper();

    JsonObject received(String type, String field, String value) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !events.of(type, field, value).isEmpty());
        return events.of(type, field, value).get(0);
    }

    void assertShape(String type, JsonObject event) throws Exception {
        JsonNode actual = mapper.readTree(event.encode());
        Contracts.assertSameShape(Contracts.sample(type + ".json"), actual);
        org.junit.jupiter.api.Assertions.assertEquals(type, actual.get("type").asText());
    }

    @Test
    void memberApprovedHasItsContractsShape() throws Exception {
        Founder founder = Office.approvedFounder(Office.unique("Events team"));
        assertShape("MemberApproved", received("MemberApproved", "memberId", founder.memberId()));
    }

    @Test
    void bookingEventsHaveTheirContractsShapes() throws Exception {
        String room = Office.space("MEETING_ROOM");
        Founder holder = Office.approvedFounder(Office.unique("Events team"));
        Founder waiting = Office.approvedFounder();
        String id = book(holder, room, day(2), "10:00", "12:00").then().statusCode(201).extract().path("id");
        assertShape("BookingConfirmed", received("BookingConfirmed", "bookingId", id));

        String entry = as(waiting.token()).body(booking(room, day(2), "10:00", "12:00")).post("/api/coworking/waitlist")
                .then().statusCode(201).extract().path("id");
        as(holder.token()).post("/api/coworking/bookings/" + id + "/cancel").then().statusCode(200);
        assertShape("BookingCancelled", received("BookingCancelled", "bookingId", id));
        JsonObject promoted = received("WaitlistPromoted", "waitlistEntryId", entry);
        assertShape("WaitlistPromoted", promoted);

        String promotedBooking = promoted.getJsonObject("data").getString("bookingId");
        bookings.deadline(promotedBooking, OffsetDateTime.now().minusSeconds(1));
        assertShape("BookingNoShow", received("BookingNoShow", "bookingId", promotedBooking));
    }

    @Test
    void eventsCarryNoBirthDateOrCheckInToken() {
        Founder founder = Office.approvedFounder();
        String id = book(founder, Office.space("BOOTH"), day(2), "10:00", "10:30").then().statusCode(201).extract().path("id");
        JsonObject approved = received("MemberApproved", "memberId", founder.memberId());
        JsonObject confirmed = received("BookingConfirmed", "bookingId", id);
        for (JsonObject event : List.of(approved, confirmed)) {
            org.junit.jupiter.api.Assertions.assertFalse(event.encode().contains("birthDate"));
            org.junit.jupiter.api.Assertions.assertFalse(event.encode().contains("checkInToken"));
        }
    }
}
