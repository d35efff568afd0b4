package org.smarttown.mentoring.booking;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.smarttown.mentoring.Api.AGENCY_A;
import static org.smarttown.mentoring.Api.AGENCY_B;
import static org.smarttown.mentoring.Api.as;
import static org.smarttown.mentoring.Api.founder;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smarttown.mentoring.Api;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SessionTest {

    private final LocalDate monday = Api.mondayAhead(1);
    private String mentorId;

    @BeforeEach
    void mentor() {
        Api.agencies();
        mentorId = Api.mentor(AGENCY_A, "Session mentor", List.of("sessions"), Api.everyDay("09:00", "12:00"));
    }

    private String type(Map<String, Object> rules) {
        Map<String, Object> type = Api.sessionType("MENTORING", 60);
        type.putAll(rules);
        return Api.createSessionType(AGENCY_A, type);
    }

    private String book(String founderName, String typeId, String time) {
        return as(founder(founderName)).body(Api.booking(mentorId, typeId, Api.at(monday, time)))
                .post("/api/mentoring/sessions").then().statusCode(201).extract().path("id");
    }

    @Test
    void bookingIsConfirmedAtOnceOrRequestedWhenTheAgencyMustConfirm() {
        String instant = type(Map.of());
        as(founder("founder-s1")).body(Api.booking(mentorId, instant, Api.at(monday, "09:00")))
                .post("/api/mentoring/sessions").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.startsWith("/api/mentoring/sessions/"))
                .body("status", equalTo("CONFIRMED")).body("myPlace", equalTo("SEATED"))
                .body("start", equalTo(Api.at(monday, "09:00")))
                .body("changes[0].toStatus", equalTo("CONFIRMED")).body("changes[0].actor", equalTo("founder-s1"));
        String confirmed = type(Map.of("requiresConfirmation", true));
        as(founder("founder-s1")).body(Api.booking(mentorId, confirmed, Api.at(monday, "11:00")))
                .post("/api/mentoring/sessions").then().statusCode(201).body("status", equalTo("REQUESTED"));
    }

    @Test
    void aRetriedBookingWithTheSameKeyIsBookedOnce() {
        String typeId = type(Map.of());
        Map<String, Object> body = Api.booking(mentorId, typeId, Api.at(monday, "10:00"));
        String id = as(founder("founder-s2")).header("Idempotency-Key", "book-" + mentorId).body(body)
                .post("/api/mentoring/sessions").then().statusCode(201).extract().path("id");
        as(founder("founder-s2")).header("Idempotency-Key", "book-" + mentorId).body(body)
                .post("/api/mentoring/sessions").then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("id", equalTo(id));
        as(founder("founder-s2")).get("/api/mentoring/sessions/mine?size=100").then().statusCode(200)
                .body("items.findAll { it.start == '" + Api.at(monday, "10:00") + "' }.size()", equalTo(1));
    }

    @Test
    void badBookingsAre400ProblemsAndChangeNothing() {
        String typeId = type(Map.of());
        String past = OffsetDateTime.now().minusDays(1).withNano(0).toString();
        as(founder("founder-s3")).body(Api.booking(mentorId, typeId, past)).post("/api/mentoring/sessions").then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("start"));
        as(founder("founder-s3")).body(Api.booking(mentorId, typeId, Api.at(monday, "09:30")))
                .post("/api/mentoring/sessions").then().statusCode(400).body("errors[0].field", equalTo("start"));
        as(founder("founder-s3")).body(Api.booking(mentorId, typeId, Api.at(monday, "15:00")))
                .post("/api/mentoring/sessions").then().statusCode(400).body("errors[0].field", equalTo("start"));
        as(founder("founder-s3")).body(Api.booking(UUID.randomUUID().toString(), typeId, Api.at(monday, "09:00")))
                .post("/api/mentoring/sessions").then().statusCode(400).body("errors[0].field", equalTo("mentorId"));
        as(founder("founder-s3")).body(Map.of("mentorId", mentorId, "start", Api.at(monday, "09:00")))
                .post("/api/mentoring/sessions").then().statusCode(400).contentType("application/problem+json");
        as(founder("founder-s3")).body(Map.of("mentorId", "x", "sessionTypeId", typeId, "start", "tomorrow"))
                .post("/api/mentoring/sessions").then().statusCode(400);
        String typeOfB = Api.createSessionType(AGENCY_B, Api.sessionType("MENTORING", 60));
        as(founder("founder-s3")).body(Api.booking(mentorId, typeOfB, Api.at(monday, "09:00")))
                .post("/api/mentoring/sessions").then().statusCode(400).body("errors[0].field", equalTo("sessionTypeId"));
        as(founder("founder-s3")).get("/api/mentoring/sessions/mine").then().statusCode(200).body("totalItems", equalTo(0));
    }

    @Test
    void onlyFoundersBookAndNobodyWithoutAToken() {
        String typeId = type(Map.of());
        as(AGENCY_A).body(Api.booking(mentorId, typeId, Api.at(monday, "09:00"))).post("/api/mentoring/sessions")
                .then().statusCode(403).contentType("application/problem+json");
        as(AGENCY_A).get("/api/mentoring/sessions/mine").then().statusCode(403);
        given().contentType("application/json").body(Api.booking(mentorId, typeId, Api.at(monday, "09:00")))
                .post("/api/mentoring/sessions").then().statusCode(401);
    }

    @Test
    void aTakenSlotIsAConflictAndSomeoneElsesSessionIsNotFound() {
        String typeId = type(Map.of());
        String id = book("founder-s4", typeId, "09:00");
        as(founder("founder-s5")).body(Api.booking(mentorId, typeId, Api.at(monday, "09:00")))
                .post("/api/mentoring/sessions").then().statusCode(409)
                .body("type", equalTo("urn:smarttown:problem:slot-taken"));
        as(founder("founder-s5")).get("/api/mentoring/sessions/" + id).then().statusCode(404);
        as(founder("founder-s5")).body(Map.of("reason", "not mine")).post("/api/mentoring/sessions/" + id + "/cancel")
                .then().statusCode(404);
        as(founder("founder-s4")).get("/api/mentoring/sessions/" + id).then().statusCode(200)
                .body("attendees", org.hamcrest.Matchers.empty());
    }

    @Test
    void cancellingInsideTheNoticeIsRefusedToTheFounderButAllowedToTheAgency() {
        String typeId = type(Map.of("minChangeNoticeMinutes", 60 * 24 * 30));
        String id = book("founder-s6", typeId, "09:00");
        as(founder("founder-s6")).body(Map.of("reason", "sick")).post("/api/mentoring/sessions/" + id + "/cancel")
                .then().statusCode(409).body("type", equalTo("urn:smarttown:problem:change-notice-passed"));
        as(founder("founder-s6")).body(Map.of("start", Api.at(monday, "10:00"), "reason", "later"))
                .post("/api/mentoring/sessions/" + id + "/reschedule").then().statusCode(409);
        as(AGENCY_A).body(Map.of("reason", "founder is sick")).post("/partner/v1/sessions/" + id + "/cancel").then()
                .statusCode(200).body("status", equalTo("CANCELLED"))
                .body("changes[1].actor", equalTo("agency:agency-a")).body("changes[1].actorKind", equalTo("AGENCY"))
                .body("changes[1].reason", equalTo("founder is sick"));
    }

    @Test
    void aFounderCancelsAndReschedulesOutsideTheNoticeWithHistory() {
        String typeId = type(Map.of("minChangeNoticeMinutes", 60));
        String id = book("founder-s7", typeId, "09:00");
        as(founder("founder-s7")).body(Map.of("start", Api.at(monday, "11:00"), "reason", "clash"))
                .post("/api/mentoring/sessions/" + id + "/reschedule").then().statusCode(200)
                .body("start", equalTo(Api.at(monday, "11:00")))
                .body("changes[1].reason", org.hamcrest.Matchers.containsString("clash"));
        as(founder("founder-s7")).body(Map.of("start", Api.at(monday, "11:30")))
                .post("/api/mentoring/sessions/" + id + "/reschedule").then().statusCode(400);
        book("founder-s8", typeId, "09:00");
        as(founder("founder-s7")).body(Map.of("reason", "no longer needed")).post("/api/mentoring/sessions/" + id + "/cancel")
                .then().statusCode(200).body("status", equalTo("CANCELLED")).body("myPlace", equalTo("CANCELLED"))
                .body("changes.toStatus", contains("CONFIRMED", "CONFIRMED", "CANCELLED"));
        as(founder("founder-s7")).body(Map.of("reason", "twice")).post("/api/mentoring/sessions/" + id + "/cancel")
                .then().statusCode(409);
    }

    @Test
    void theAgencyConfirmsCompletesAndTheFounderRatesOneToFive() {
        String typeId = type(Map.of("requiresConfirmation", true));
        String id = book("founder-s9", typeId, "10:00");
        as(founder("founder-s9")).body(Map.of("score", 5)).post("/api/mentoring/sessions/" + id + "/rating").then()
                .statusCode(409);
        as(AGENCY_A).post("/partner/v1/sessions/" + id + "/complete").then().statusCode(409)
                .body("type", equalTo("urn:smarttown:problem:transition-not-allowed"));
        as(AGENCY_A).body(Map.of("reason", "mentor available")).post("/partner/v1/sessions/" + id + "/confirm").then()
                .statusCode(200).body("status", equalTo("CONFIRMED"))
                .body("attendees[0].founder", equalTo("founder-s9"));
        as(AGENCY_A).post("/partner/v1/sessions/" + id + "/complete").then().statusCode(200)
                .body("status", equalTo("COMPLETED"));
        as(founder("founder-s9")).body(Map.of("score", 6)).post("/api/mentoring/sessions/" + id + "/rating").then()
                .statusCode(400).contentType("application/problem+json");
        as(founder("founder-s9")).body(Map.of("score", 4, "comment", "useful")).post("/api/mentoring/sessions/" + id + "/rating")
                .then().statusCode(200);
        as(AGENCY_A).get("/partner/v1/sessions/" + id).then().statusCode(200).body("attendees[0].rating", equalTo(4))
                .body("changes.toStatus", contains("REQUESTED", "CONFIRMED", "COMPLETED"));
    }

    @Test
    void noShowsAreMarkedForEitherSide() {
        String typeId = type(Map.of());
        String host = book("founder-s10", typeId, "09:00");
        String guest = book("founder-s11", typeId, "10:00");
        as(AGENCY_A).body(Map.of("side", "HOST", "reason", "mentor ill")).post("/partner/v1/sessions/" + host + "/no-show")
                .then().statusCode(200).body("status", equalTo("NO_SHOW_HOST"));
        as(AGENCY_A).body(Map.of("side", "GUEST")).post("/partner/v1/sessions/" + guest + "/no-show")
                .then().statusCode(200).body("status", equalTo("NO_SHOW_GUEST"));
        as(AGENCY_A).body(Map.of("side", "NOBODY")).post("/partner/v1/sessions/" + guest + "/no-show")
                .then().statusCode(400);
    }

    @Test
    void theFoundersLimitPerWeekIsEnforced() {
        String typeId = type(Map.of("maxPerWeekPerFounder", 1));
        book("founder-s12", typeId, "09:00");
        as(founder("founder-s12")).body(Api.booking(mentorId, typeId, Api.at(monday.plusDays(1), "09:00")))
                .post("/api/mentoring/sessions").then().statusCode(409)
                .body("type", equalTo("urn:smarttown:problem:booking-limit-reached"));
        book("founder-s13", typeId, "10:00");
    }

    @Test
    void theFoundersLimitPerDayIsEnforcedForThatFounderOnly() {
        String typeId = type(Map.of("maxPerDayPerFounder", 1));
        book("founder-s16", typeId, "09:00");
        as(founder("founder-s16")).body(Api.booking(mentorId, typeId, Api.at(monday, "11:00")))
                .post("/api/mentoring/sessions").then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:smarttown:problem:booking-limit-reached"));
        as(founder("founder-s16")).body(Api.booking(mentorId, typeId, Api.at(monday.plusDays(1), "11:00")))
                .post("/api/mentoring/sessions").then().statusCode(201);
        book("founder-s17", typeId, "11:00");
    }

    @Test
    void theMentorsLimitsRefuseABookingAsWellAsHidingTheSlot() {
        String perDay = type(Map.of("maxPerDayPerMentor", 1));
        book("founder-s18", perDay, "09:00");
        as(founder("founder-s19")).body(Api.booking(mentorId, perDay, Api.at(monday, "11:00")))
                .post("/api/mentoring/sessions").then().statusCode(409)
                .body("type", equalTo("urn:smarttown:problem:booking-limit-reached"));
        String perWeek = type(Map.of("maxPerWeekPerMentor", 1));
        as(founder("founder-s19")).body(Api.booking(mentorId, perWeek, Api.at(monday.plusDays(2), "09:00")))
                .post("/api/mentoring/sessions").then().statusCode(201);
        as(founder("founder-s20")).body(Api.booking(mentorId, perWeek, Api.at(monday.plusDays(4), "09:00")))
                .post("/api/mentoring/sessions").then().statusCode(409)
                .body("type", equalTo("urn:smarttown:problem:booking-limit-reached"));
    }

    @Test
    void aStartOnAHolidayOrAnOverriddenDayOrInsideTheBookingNoticeIsRefused() {
        Map<String, Object> availability = new java.util.HashMap<>(Api.everyDay("09:00", "12:00"));
        availability.put("holidays", List.of(monday.toString()));
        availability.put("overrides", List.of(Map.of("date", monday.plusDays(1).toString(),
                "hours", List.of(Map.of("start", "14:00", "end", "15:00")))));
        String closed = Api.mentor(AGENCY_A, "Holiday mentor", List.of("holiday"), availability);
        String typeId = type(Map.of());
        as(founder("founder-s21")).body(Api.booking(closed, typeId, Api.at(monday, "09:00")))
                .post("/api/mentoring/sessions").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("start"));
        as(founder("founder-s21")).body(Api.booking(closed, typeId, Api.at(monday.plusDays(1), "09:00")))
                .post("/api/mentoring/sessions").then().statusCode(400).body("errors[0].field", equalTo("start"));
        as(founder("founder-s21")).body(Api.booking(closed, typeId, Api.at(monday.plusDays(1), "14:00")))
                .post("/api/mentoring/sessions").then().statusCode(201);
        String farNotice = type(Map.of("minBookingNoticeMinutes", 43200));
        as(founder("founder-s21")).body(Api.booking(mentorId, farNotice, Api.at(monday, "09:00")))
                .post("/api/mentoring/sessions").then().statusCode(400).body("errors[0].field", equalTo("start"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("43200 minutes ahead"));
    }

    @Test
    void everyChangeRecordsWhoMadeItAsWhatAndWhy() {
        String typeId = type(Map.of("requiresConfirmation", true, "minChangeNoticeMinutes", 60 * 24 * 30));
        String declined = book("founder-s22", typeId, "09:00");
        as(AGENCY_A).body(Map.of("reason", "mentor unavailable")).post("/partner/v1/sessions/" + declined + "/decline")
                .then().statusCode(200).body("status", equalTo("DECLINED"));
        as(founder("founder-s22")).get("/api/mentoring/sessions/" + declined).then().statusCode(200)
                .body("changes[0].fromStatus", nullValue()).body("changes[0].toStatus", equalTo("REQUESTED"))
                .body("changes[0].actor", equalTo("founder-s22")).body("changes[0].actorKind", equalTo("FOUNDER"))
                .body("changes[0].reason", equalTo("booked"))
                .body("changes[1].fromStatus", equalTo("REQUESTED")).body("changes[1].toStatus", equalTo("DECLINED"))
                .body("changes[1].actor", equalTo("agency:agency-a")).body("changes[1].actorKind", equalTo("AGENCY"))
                .body("changes[1].reason", equalTo("mentor unavailable"))
                .body("changes[1].at", org.hamcrest.Matchers.endsWith("+09:00"));

        // Inside the founder's change notice the agency still moves the session, and says so.
        String moved = book("founder-s23", typeId, "10:00");
        as(founder("founder-s23")).body(Map.of("start", Api.at(monday, "11:00")))
                .post("/api/mentoring/sessions/" + moved + "/reschedule").then().statusCode(409)
                .body("type", equalTo("urn:smarttown:problem:change-notice-passed"));
        as(AGENCY_A).body(Map.of("start", Api.at(monday, "11:00"), "reason", "mentor's train is late"))
                .post("/partner/v1/sessions/" + moved + "/reschedule").then().statusCode(200)
                .body("start", equalTo(Api.at(monday, "11:00")))
                .body("changes[1].actor", equalTo("agency:agency-a"))
                .body("changes[1].reason", org.hamcrest.Matchers.containsString("mentor's train is late"));
        as(AGENCY_A).body(Map.of("side", "HOST", "reason", "mentor ill"))
                .post("/partner/v1/sessions/" + moved + "/no-show").then().statusCode(409);
        as(AGENCY_A).body(Map.of("reason", "slot confirmed")).post("/partner/v1/sessions/" + moved + "/confirm")
                .then().statusCode(200);
        as(AGENCY_A).body(Map.of("side", "HOST", "reason", "mentor ill"))
                .post("/partner/v1/sessions/" + moved + "/no-show").then().statusCode(200)
                .body("changes[3].toStatus", equalTo("NO_SHOW_HOST")).body("changes[3].reason", equalTo("mentor ill"))
                .body("changes[3].actorKind", equalTo("AGENCY"));
    }

    @Test
    void aFoundersMoveCountsAgainstTheirLimitsAtTheNewStartButNotTheSessionItself() {
        String typeId = type(Map.of("maxPerWeekPerFounder", 1));
        String thisWeek = book("founder-s24", typeId, "09:00");
        as(founder("founder-s24")).body(Api.booking(mentorId, typeId, Api.at(monday.plusWeeks(1), "09:00")))
                .post("/api/mentoring/sessions").then().statusCode(201);
        as(founder("founder-s24")).body(Map.of("start", Api.at(monday.plusWeeks(1), "10:00")))
                .post("/api/mentoring/sessions/" + thisWeek + "/reschedule").then().statusCode(409)
                .body("type", equalTo("urn:smarttown:problem:booking-limit-reached"));
        as(founder("founder-s24")).body(Map.of("start", Api.at(monday.plusDays(2), "10:00")))
                .post("/api/mentoring/sessions/" + thisWeek + "/reschedule").then().statusCode(200)
                .body("start", equalTo(Api.at(monday.plusDays(2), "10:00")));
        // The agency may still put it there.
        as(AGENCY_A).body(Map.of("start", Api.at(monday.plusWeeks(1), "11:00"), "reason", "only time left"))
                .post("/partner/v1/sessions/" + thisWeek + "/reschedule").then().statusCode(200);
        as(founder("founder-s24")).queryParam("sessionType", typeId).queryParam("from", monday.toString())
                .queryParam("to", monday.toString()).queryParam("rescheduling", "not-an-id")
                .get("/api/mentoring/mentors/" + mentorId + "/slots").then().statusCode(400)
                .body("errors[0].field", equalTo("rescheduling"));
    }

    @Test
    void mineListsOnlyMySessionsPaged() {
        String typeId = type(Map.of());
        String first = book("founder-s14", typeId, "09:00");
        String second = book("founder-s14", typeId, "10:00");
        String other = book("founder-s15", typeId, "11:00");
        as(founder("founder-s14")).queryParam("size", 1).get("/api/mentoring/sessions/mine").then().statusCode(200)
                .body("totalItems", equalTo(2)).body("totalPages", equalTo(2)).body("items[0].id", equalTo(second));
        as(founder("founder-s14")).get("/api/mentoring/sessions/mine").then().statusCode(200)
                .body("items.id", contains(second, first)).body("items.id", not(hasItem(other)))
                .body("items[0].attendees", org.hamcrest.Matchers.empty());
        as(founder("founder-s14")).queryParam("size", 101).get("/api/mentoring/sessions/mine").then().statusCode(400);
    }

    /** The founders' page asks from today on: the next session comes first, however many lie further ahead. */
    @Test
    void mineFromADayListsThatDayOnSoonestFirst() {
        String typeId = type(Map.of());
        String[] ids = new String[3];
        for (int i = 0; i < 3; i++) {
            ids[i] = as(founder("founder-s25")).body(Api.booking(mentorId, typeId, Api.at(monday.plusDays(i), "11:00")))
                    .post("/api/mentoring/sessions").then().statusCode(201).extract().path("id");
        }
        as(founder("founder-s25")).queryParam("from", monday.plusDays(1).toString()).get("/api/mentoring/sessions/mine")
                .then().statusCode(200).body("items.id", contains(ids[1], ids[2])).body("totalItems", equalTo(2));
        as(founder("founder-s25")).get("/api/mentoring/sessions/mine").then().statusCode(200)
                .body("items.id", contains(ids[2], ids[1], ids[0]));
        as(founder("founder-s25")).queryParam("from", "2026-13-01").get("/api/mentoring/sessions/mine").then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("from"));
    }
}
