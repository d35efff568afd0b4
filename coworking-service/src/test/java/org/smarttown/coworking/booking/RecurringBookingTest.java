package org.smarttown.coworking.booking;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.smarttown.coworking.Office.as;
import static org.smarttown.coworking.Office.at;
import static org.smarttown.coworking.Office.book;
import static org.smarttown.coworking.Office.day;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.smarttown.coworking.Office;
import org.smarttown.coworking.Office.Founder;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class RecurringBookingTest {

    static final String PATH = "/api/coworking/bookings/recurring";

    static Map<String, Object> series(String space, LocalDate first, String from, String to, String rrule) {
        return Map.of("spaceId", space, "start", at(first, from), "end", at(first, to), "rrule", rrule);
    }

    @Test
    void eachOccurrenceIsCheckedAndTheRefusedOnesSayWhy() {
        String room = Office.space("MEETING_ROOM");
        Founder founder = Office.approvedFounder();
        LocalDate first = day(2);
        book(Office.approvedFounder(), room, first.plusWeeks(2), "10:00", "11:00").then().statusCode(201);
        as(founder.token()).body(series(room, first, "10:00", "11:00", "FREQ=WEEKLY;COUNT=5")).post(PATH).then()
                .statusCode(201)
                .body("booked.start", equalTo(java.util.List.of(at(first, "10:00"), at(first.plusWeeks(1), "10:00"),
                        at(first.plusWeeks(3), "10:00"))))
                .body("refused", hasSize(2))
                .body("refused[0].start", equalTo(at(first.plusWeeks(2), "10:00")))
                .body("refused[0].type", equalTo("slot-taken"))
                // Meeting rooms: at most 3 active bookings, so the fifth is refused by policy.
                .body("refused[1].start", equalTo(at(first.plusWeeks(4), "10:00")))
                .body("refused[1].type", equalTo("too-many-active-bookings"));
        as(founder.token()).get("/api/coworking/bookings/mine").then().body("totalItems", equalTo(3));
    }

    @Test
    void severalWeekdaysAndAnIntervalAreSupported() {
        String desk = Office.space("DESK", Map.of("opensAt", "08:00", "closesAt", "10:00"));
        Founder founder = Office.approvedFounder();
        LocalDate first = day(1);
        String other = first.plusDays(1).getDayOfWeek().name().substring(0, 2);
        String own = first.getDayOfWeek().name().substring(0, 2);
        as(founder.token()).body(series(desk, first, "08:00", "10:00", "RRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY=" + own + "," + other
                + ";UNTIL=" + first.plusDays(8).toString().replace("-", ""))).post(PATH).then()
                .statusCode(201)
                .body("booked.start", equalTo(java.util.List.of(at(first, "08:00"), at(first.plusDays(1), "08:00"),
                        at(first.plusDays(7), "08:00"), at(first.plusDays(8), "08:00"))))
                .body("refused", hasSize(0));
    }

    @Test
    void aSeriesTooLongOrOutsideTheSubsetIs400() {
        String room = Office.space("MEETING_ROOM");
        Founder founder = Office.approvedFounder();
        LocalDate first = day(2);
        String twoYears = first.plusYears(2).toString().replace("-", "");
        as(founder.token()).body(series(room, first, "10:00", "11:00", "FREQ=WEEKLY;UNTIL=" + twoYears)).post(PATH).then()
                .statusCode(400).body("errors[0].field", equalTo("rrule"));
        as(founder.token()).body(series(room, first, "10:00", "11:00", "FREQ=WEEKLY;COUNT=104")).post(PATH).then()
                .statusCode(400);
        as(founder.token()).body(series(room, first, "10:00", "11:00", "FREQ=DAILY;COUNT=3")).post(PATH).then()
                .statusCode(400);
        as(founder.token()).body(series(room, first, "10:00", "11:00", "FREQ=WEEKLY;COUNT=3;BYDAY=XX")).post(PATH).then()
                .statusCode(400);
        as(founder.token()).body(series(room, first, "10:00", "11:00", "FREQ=WEEKLY")).post(PATH).then().statusCode(400);
        as(founder.token()).body(series(room, first, "10:15", "11:00", "FREQ=WEEKLY;COUNT=2")).post(PATH).then()
                .statusCode(400);
        as(founder.token()).get("/api/coworking/bookings/mine").then().body("totalItems", equalTo(0));
    }
}
