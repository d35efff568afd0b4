package org.smarttown.coworking.booking;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.smarttown.coworking.Office.MANAGER;
import static org.smarttown.coworking.Office.as;
import static org.smarttown.coworking.Office.at;
import static org.smarttown.coworking.Office.book;
import static org.smarttown.coworking.Office.day;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.smarttown.commons.testing.TestTokens;
import org.smarttown.coworking.Office;
import org.smarttown.coworking.Office.Founder;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class AvailabilityResourceTest {

    static ValidatableResponse ask(String token, String tag, LocalDate d, String from, String to) {
        return as(token).queryParam("from", at(d, from)).queryParam("to", at(d, to))
                .queryParam("type", "MEETING_ROOM").queryParam("equipment", tag).queryParam("capacity", 4)
                .queryParam("size", 100)
                .get("/api/coworking/availability").then();
    }

    @Test
    void freeSpacesAreListedAndTheOthersSayWhyNot() {
        String tag = Office.unique("kit");
        LocalDate d = day(2);
        String free = Office.space("MEETING_ROOM", Map.of("equipment", List.of(tag), "code", "A-" + tag.substring(4).toUpperCase()));
        String booked = Office.space("MEETING_ROOM", Map.of("equipment", List.of(tag), "code", "B-" + tag.substring(4).toUpperCase()));
        String closed = Office.space("MEETING_ROOM", Map.of("equipment", List.of(tag), "code", "C-" + tag.substring(4).toUpperCase()));
        String shortHours = Office.space("MEETING_ROOM", Map.of("equipment", List.of(tag), "code", "D-" + tag.substring(4).toUpperCase(),
                "opensAt", "09:00", "closesAt", "10:30"));
        Office.space("MEETING_ROOM", Map.of("equipment", List.of(tag), "capacity", 2));
        book(Office.approvedFounder(), booked, d, "10:00", "11:00").then().statusCode(201);
        as(MANAGER).body(Map.of("day", d.toString(), "reason", "Cleaning")).post("/api/coworking/spaces/" + closed + "/closures")
                .then().statusCode(200);

        Founder founder = Office.approvedFounder();
        ask(founder.token(), tag, d, "10:00", "11:00").statusCode(200)
                .body("totalItems", equalTo(4))
                .body("items.find { it.space.id == '" + free + "' }.available", equalTo(true))
                .body("items.find { it.space.id == '" + booked + "' }.reasons.type", equalTo(List.of("slot-taken")))
                .body("items.find { it.space.id == '" + closed + "' }.reasons.type", equalTo(List.of("space-closed")))
                .body("items.find { it.space.id == '" + shortHours + "' }.reasons.type",
                        equalTo(List.of("outside-opening-hours")));

        // The founder's own limits are reasons too.
        book(founder, free, d, "00:00", "04:00").then().statusCode(201);
        book(founder, free, d, "04:00", "08:00").then().statusCode(201);
        ask(founder.token(), tag, d, "12:00", "15:00").statusCode(200)
                .body("items.find { it.space.id == '" + free + "' }.reasons.type", hasItem("weekly-quota-exceeded"));
        // A manager sees the office's reasons only.
        ask(MANAGER, tag, d, "12:00", "15:00").statusCode(200)
                .body("items.find { it.space.id == '" + free + "' }.available", equalTo(true));
        // A founder who is not a member is told so.
        ask(TestTokens.user(Office.unique("founder"), "founder"), tag, d, "12:00", "13:00").statusCode(200)
                .body("items.find { it.space.id == '" + free + "' }.reasons.type", hasItem("membership-required"));
        ask(founder.token(), tag, d, "12:15", "13:00").statusCode(200)
                .body("items.find { it.space.id == '" + free + "' }.reasons.type", hasItem("slot-boundary"));
    }

    @Test
    void aMalformedRangeIs400() {
        Founder founder = Office.approvedFounder();
        as(founder.token()).queryParam("from", at(day(2), "12:00")).queryParam("to", at(day(2), "10:00"))
                .get("/api/coworking/availability").then().statusCode(400);
        as(founder.token()).queryParam("from", "yesterday").queryParam("to", at(day(2), "10:00"))
                .get("/api/coworking/availability").then().statusCode(400).body("errors[0].field", equalTo("from"));
        as(founder.token()).queryParam("to", at(day(2), "10:00")).get("/api/coworking/availability").then().statusCode(400);
        as(founder.token()).queryParam("from", at(LocalDate.of(1900, 1, 1), "10:00"))
                .queryParam("to", at(LocalDate.of(1900, 1, 1), "11:00")).get("/api/coworking/availability").then()
                .statusCode(400);
        as(TestTokens.user("carer1", "care-worker")).queryParam("from", at(day(2), "10:00")).queryParam("to", at(day(2), "11:00"))
                .get("/api/coworking/availability").then().statusCode(403);
    }
}
