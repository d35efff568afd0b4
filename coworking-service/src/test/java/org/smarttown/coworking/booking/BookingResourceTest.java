package org.smarttown.coworking.booking;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.smarttown.coworking.Office.MANAGER;
import static org.smarttown.coworking.Office.as;
import static org.smarttown.coworking.Office.at;
import static org.smarttown.coworking.Office.book;
import static org.smarttown.coworking.Office.booking;
import static org.smarttown.coworking.Office.day;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.smarttown.commons.testing.TestTokens;
import org.smarttown.coworking.Office;
import org.smarttown.coworking.Office.Founder;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

@QuarkusTest
class BookingResourceTest {

    static final String PATH = "/api/coworking/bookings";

    static String problem(String slug) {
        return "urn:smarttown:problem:" + slug;
    }

    @Test
    void anApprovedFounderBooksAndFindsTheBookingAmongTheirOwn() {
        Founder founder = Office.approvedFounder();
        String room = Office.space("MEETING_ROOM");
        String id = book(founder, room, day(2), "10:00", "12:00").then().statusCode(201)
                .header("Location", containsString(PATH + "/"))
                .body("status", equalTo("CONFIRMED"))
                .body("start", equalTo(at(day(2), "10:00")))
                .body("end", equalTo(at(day(2), "12:00")))
                .body("username", equalTo(founder.username()))
                .extract().path("id");
        as(founder.token()).get(PATH + "/mine").then().statusCode(200)
                .body("totalItems", equalTo(1)).body("items[0].id", equalTo(id));
        as(founder.token()).get(PATH + "/" + id).then().statusCode(200).body("spaceId", equalTo(room));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyGetsTheSameBookingOnce() {
        Founder founder = Office.approvedFounder();
        String room = Office.space("MEETING_ROOM");
        String key = UUID.randomUUID().toString();
        String first = as(founder.token()).header("Idempotency-Key", key).body(booking(room, day(3), "14:00", "15:00"))
                .post(PATH).then().statusCode(201).extract().path("id");
        as(founder.token()).header("Idempotency-Key", key).body(booking(room, day(3), "14:00", "15:00"))
                .post(PATH).then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first));
        as(founder.token()).get(PATH + "/mine").then().body("totalItems", equalTo(1));
        // Without the key, the same request is a new attempt: the slot is now taken.
        as(founder.token()).body(booking(room, day(3), "14:00", "15:00")).post(PATH).then().statusCode(409);
    }

    @Test
    void aTakenSlotIsAConflictEvenForOverlappingRanges() {
        String room = Office.space("MEETING_ROOM");
        book(Office.approvedFounder(), room, day(2), "10:00", "12:00").then().statusCode(201);
        Founder other = Office.approvedFounder();
        book(other, room, day(2), "11:30", "13:00").then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo(problem("slot-taken")));
        book(other, room, day(2), "09:00", "10:30").then().statusCode(409);
        // Touching ranges do not overlap.
        book(other, room, day(2), "12:00", "13:00").then().statusCode(201);
    }

    @Test
    void eachBrokenRuleHasItsOwnProblemType() {
        Founder founder = Office.approvedFounder();
        String room = Office.space("MEETING_ROOM", Map.of("opensAt", "09:00", "closesAt", "18:00"));
        book(founder, room, day(2), "08:00", "10:00").then().statusCode(422)
                .body("type", equalTo(problem("outside-opening-hours"))).body("detail", containsString("09:00"));
        book(founder, room, day(2), "09:00", "14:00").then().statusCode(422)
                .body("type", equalTo(problem("duration-too-long")));
        book(founder, room, day(40), "10:00", "11:00").then().statusCode(422)
                .body("type", equalTo(problem("too-far-ahead")));

        String allDay = Office.space("MEETING_ROOM");
        book(founder, allDay, day(0), "00:00", "00:30").then().statusCode(422)
                .body("type", equalTo(problem("lead-time-too-short")));

        LocalDate closedDay = day(3);
        String closedWeekly = Office.space("MEETING_ROOM", Map.of("closedWeekdays", List.of(closedDay.getDayOfWeek().name())));
        book(founder, closedWeekly, closedDay, "10:00", "11:00").then().statusCode(422)
                .body("type", equalTo(problem("space-closed")));
        as(MANAGER).body(Map.of("day", day(4).toString(), "reason", "Fire drill"))
                .post("/api/coworking/spaces/" + allDay + "/closures").then().statusCode(200);
        book(founder, allDay, day(4), "10:00", "11:00").then().statusCode(422)
                .body("type", equalTo(problem("space-closed"))).body("detail", containsString("Fire drill"));
    }

    @Test
    void aFounderHoldsAtMostTheActiveBookingsTheirPolicyAllows() {
        Founder founder = Office.approvedFounder();
        String booth = Office.space("BOOTH");
        book(founder, booth, day(1), "10:00", "10:30").then().statusCode(201);
        book(founder, booth, day(2), "10:00", "10:30").then().statusCode(201);
        book(founder, booth, day(3), "10:00", "10:30").then().statusCode(422)
                .body("type", equalTo(problem("too-many-active-bookings")));
    }

    @Test
    void theWeeklyQuotaCountsPerFounderAndAcrossTheTeam() {
        String room = Office.space("MEETING_ROOM");
        String room2 = Office.space("MEETING_ROOM");
        LocalDate d = day(2);
        Founder alone = Office.approvedFounder();
        book(alone, room, d, "00:00", "04:00").then().statusCode(201);
        book(alone, room, d, "04:00", "08:00").then().statusCode(201);
        book(alone, room, d, "08:00", "11:00").then().statusCode(422)
                .body("type", equalTo(problem("weekly-quota-exceeded")));

        // Meeting rooms: 10 hours a week per founder, 20 per team.
        String team = Office.unique("Quota team");
        Founder a = Office.approvedFounder(team);
        Founder b = Office.approvedFounder(team);
        Founder c = Office.approvedFounder(team);
        book(a, room, d, "08:00", "12:00").then().statusCode(201);
        book(a, room, d, "12:00", "16:00").then().statusCode(201);
        book(b, room, d, "16:00", "20:00").then().statusCode(201);
        book(b, room2, d, "00:00", "04:00").then().statusCode(201);
        book(c, room2, d, "04:00", "08:00").then().statusCode(201);
        book(c, room2, d, "08:00", "09:00").then().statusCode(422)
                .body("type", equalTo(problem("team-weekly-quota-exceeded")));
    }

    @Test
    void onlyApprovedMembersMayBook() {
        String room = Office.space("MEETING_ROOM");
        Founder pending = Office.pendingFounder(null);
        book(pending, room, day(2), "10:00", "11:00").then().statusCode(403)
                .body("type", equalTo(problem("membership-required")));
        Founder stranger = new Founder(Office.unique("founder"), null, null);
        as(TestTokens.user(stranger.username(), "founder")).body(booking(room, day(2), "10:00", "11:00")).post(PATH)
                .then().statusCode(403).body("type", equalTo(problem("membership-required")));
        Founder expiring = Office.pendingFounder(null);
        as(MANAGER).body(Map.of("cohort", "2026-A", "validUntil", day(1).toString()))
                .post("/api/coworking/members/" + expiring.memberId() + "/approve").then().statusCode(200);
        book(expiring, room, day(2), "10:00", "11:00").then().statusCode(403)
                .body("detail", containsString(day(1).toString()));
        as(MANAGER).get(PATH + "?spaceId=" + room).then().body("totalItems", equalTo(0));
    }

    @Test
    void malformedRequestsAre400AndBookNothing() {
        Founder founder = Office.approvedFounder();
        String room = Office.space("MEETING_ROOM");
        String desk = Office.space("DESK", Map.of("opensAt", "08:00", "closesAt", "20:00"));
        book(founder, room, day(2), "12:00", "10:00").then().statusCode(400).body("errors[0].field", equalTo("end"));
        book(founder, room, day(2), "10:15", "11:00").then().statusCode(400).body("errors[0].field", equalTo("start"));
        book(founder, room, day(2), "10:00", "10:45").then().statusCode(400).body("errors[0].field", equalTo("end"));
        book(founder, UUID.randomUUID().toString(), day(2), "10:00", "11:00").then().statusCode(400)
                .body("errors[0].field", equalTo("spaceId"));
        book(founder, room, LocalDate.of(1900, 1, 2), "10:00", "11:00").then().statusCode(400)
                .body("errors[0].field", equalTo("start"));
        book(founder, desk, day(2), "10:00", "12:00").then().statusCode(400).body("detail", containsString("whole days"));
        as(founder.token()).body(Map.of("spaceId", room, "start", "tomorrow", "end", at(day(2), "11:00"))).post(PATH)
                .then().statusCode(400);
        as(founder.token()).body(Map.of("spaceId", room)).post(PATH).then().statusCode(400);
        as(founder.token()).get(PATH + "/mine").then().body("totalItems", equalTo(0));
        // A desk is booked from opening to closing time.
        book(founder, desk, day(2), "08:00", "20:00").then().statusCode(201);
    }

    @Test
    void anotherFoundersBookingIsNotFoundWhileManagersSeeAll() {
        Founder owner = Office.approvedFounder();
        Founder other = Office.approvedFounder();
        String room = Office.space("MEETING_ROOM");
        String id = book(owner, room, day(2), "10:00", "11:00").then().statusCode(201).extract().path("id");
        as(other.token()).get(PATH + "/" + id).then().statusCode(404).contentType("application/problem+json");
        as(other.token()).post(PATH + "/" + id + "/cancel").then().statusCode(404);
        as(other.token()).get(PATH + "/mine").then().body("items.id", not(hasItem(id)));
        as(MANAGER).get(PATH + "/" + id).then().statusCode(200).body("username", equalTo(owner.username()));
        as(MANAGER).get(PATH + "?username=" + owner.username()).then().statusCode(200)
                .body("items.id", hasItem(id));
        as(owner.token()).get(PATH).then().statusCode(403);
        as(owner.token()).get(PATH + "/" + id).then().body("status", equalTo("CONFIRMED"));
    }

    @Test
    void teammatesSeeEachOthersBookingsReadOnly() {
        String team = Office.unique("Team view");
        Founder a = Office.approvedFounder(team);
        Founder b = Office.approvedFounder(team);
        Founder outsider = Office.approvedFounder();
        String room = Office.space("MEETING_ROOM");
        String id = book(a, room, day(2), "10:00", "11:00").then().statusCode(201).extract().path("id");
        as(b.token()).get(PATH + "/team").then().statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].id", equalTo(id))
                .body("items[0].username", equalTo(a.username()))
                .body("items[0].checkInToken", org.hamcrest.Matchers.nullValue());
        as(a.token()).get(PATH + "/team").then().body("items[0].checkInToken", org.hamcrest.Matchers.notNullValue());
        as(outsider.token()).get(PATH + "/team").then().statusCode(200).body("totalItems", equalTo(0));
        // Read-only: a teammate can neither read it as theirs nor cancel it.
        as(b.token()).post(PATH + "/" + id + "/cancel").then().statusCode(404);
        as(a.token()).get(PATH + "/" + id).then().body("status", equalTo("CONFIRMED"));
    }

    @Test
    void onlyFoundersBookAndEveryoneNeedsAToken() {
        String room = Office.space("MEETING_ROOM");
        RestAssured.given().contentType(ContentType.JSON).body(booking(room, day(2), "10:00", "11:00")).post(PATH)
                .then().statusCode(401);
        as(TestTokens.user("carer1", "care-worker")).body(booking(room, day(2), "10:00", "11:00")).post(PATH)
                .then().statusCode(403);
        as(TestTokens.user("supervisor1", "care-supervisor", "care-worker")).get(PATH + "/mine").then().statusCode(403);
        as(TestTokens.agency("agency-a", "agency-a")).body(booking(room, day(2), "10:00", "11:00")).post(PATH)
                .then().statusCode(403);
        as(MANAGER).body(booking(room, day(2), "10:00", "11:00")).post(PATH).then().statusCode(403);
    }

    @Test
    void cancellingFreesTheSpaceAndCannotBeRepeated() {
        Founder owner = Office.approvedFounder();
        String room = Office.space("MEETING_ROOM");
        String id = book(owner, room, day(2), "10:00", "11:00").then().statusCode(201).extract().path("id");
        as(owner.token()).post(PATH + "/" + id + "/cancel").then().statusCode(200).body("status", equalTo("CANCELLED"));
        as(owner.token()).post(PATH + "/" + id + "/cancel").then().statusCode(409)
                .body("type", equalTo(problem("booking-not-cancellable")));
        book(Office.approvedFounder(), room, day(2), "10:00", "11:00").then().statusCode(201);
        // A manager may cancel anyone's booking.
        String second = book(owner, room, day(2), "11:00", "12:00").then().statusCode(201).extract().path("id");
        as(MANAGER).post(PATH + "/" + second + "/cancel").then().statusCode(200).body("status", equalTo("CANCELLED"));
    }

    @Test
    void aFounderCancelsARangeOfDaysOrEverythingAhead() {
        Founder founder = Office.approvedFounder();
        String desk = Office.space("DESK", Map.of("opensAt", "08:00", "closesAt", "18:00"));
        String d1 = book(founder, desk, day(1), "08:00", "18:00").then().statusCode(201).extract().path("id");
        String d2 = book(founder, desk, day(2), "08:00", "18:00").then().statusCode(201).extract().path("id");
        String d3 = book(founder, desk, day(3), "08:00", "18:00").then().statusCode(201).extract().path("id");
        as(founder.token()).body(Map.of("from", day(1).toString(), "to", day(2).toString())).post(PATH + "/cancel").then()
                .statusCode(200).body("count", equalTo(2)).body("bookings.id", equalTo(List.of(d1, d2)));
        as(founder.token()).get(PATH + "/" + d3).then().body("status", equalTo("CONFIRMED"));
        as(founder.token()).body(Map.of("allFuture", true)).post(PATH + "/cancel").then()
                .statusCode(200).body("count", equalTo(1)).body("bookings[0].id", equalTo(d3));
        as(founder.token()).body(Map.of("from", day(3).toString(), "to", day(1).toString())).post(PATH + "/cancel").then()
                .statusCode(400);
        as(founder.token()).body(Map.of()).post(PATH + "/cancel").then().statusCode(400);
    }
}
