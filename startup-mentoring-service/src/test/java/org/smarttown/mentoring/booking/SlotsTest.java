package org.smarttown.mentoring.booking;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smarttown.mentoring.Api.AGENCY_A;
import static org.smarttown.mentoring.Api.as;
import static org.smarttown.mentoring.Api.founder;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.smarttown.mentoring.Api;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Slots as founders see them, through HTTP: each row sets up its own mentor (hours on Monday and
 * Tuesday 09:00-12:00 Seoul unless the row changes them) and session type, books what it lists,
 * and expects exactly the listed starts on that Monday and Tuesday, as another founder sees them
 * (or as the founder who booked them, for that founder's own limits).
 */
@QuarkusTest
class SlotsTest {

    @BeforeEach
    void agencies() {
        Api.agencies();
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                row("a 60-minute type fills the hours", Map.of("durationMinutes", 60), Map.of(), List.of(),
                        List.of("MON 09:00", "MON 10:00", "MON 11:00", "TUE 09:00", "TUE 10:00", "TUE 11:00")),
                row("a 45-minute type steps by 45 and never runs past the hours", Map.of("durationMinutes", 45), Map.of(),
                        List.of(), List.of("MON 09:00", "MON 09:45", "MON 10:30", "MON 11:15", "TUE 09:00", "TUE 09:45",
                                "TUE 10:30", "TUE 11:15")),
                row("a booked start is gone", Map.of("durationMinutes", 60), Map.of(), List.of("MON 10:00"),
                        List.of("MON 09:00", "MON 11:00", "TUE 09:00", "TUE 10:00", "TUE 11:00")),
                row("a buffer after a booking removes the next start", Map.of("durationMinutes", 60, "bufferAfterMinutes", 30),
                        Map.of(), List.of("MON 09:00"), List.of("MON 11:00", "TUE 09:00", "TUE 10:00", "TUE 11:00")),
                row("a buffer before a slot keeps it clear of an earlier booking",
                        Map.of("durationMinutes", 60, "bufferBeforeMinutes", 30), Map.of(), List.of("MON 11:00"),
                        List.of("MON 09:00", "TUE 09:00", "TUE 10:00", "TUE 11:00")),
                row("the mentor's daily limit closes that day only", Map.of("durationMinutes", 60, "maxPerDayPerMentor", 1),
                        Map.of(), List.of("MON 09:00"), List.of("TUE 09:00", "TUE 10:00", "TUE 11:00")),
                row("the mentor's weekly limit closes the week", Map.of("durationMinutes", 60, "maxPerWeekPerMentor", 2),
                        Map.of(), List.of("MON 09:00", "TUE 11:00"), List.of()),
                row("a holiday closes the day", Map.of("durationMinutes", 60), Map.of("holiday", "MON"), List.of(),
                        List.of("TUE 09:00", "TUE 10:00", "TUE 11:00")),
                row("a date override replaces the weekly hours", Map.of("durationMinutes", 60), Map.of("override", "MON"),
                        List.of(), List.of("MON 14:00", "TUE 09:00", "TUE 10:00", "TUE 11:00")),
                row("a cancelled booking frees its start again", Map.of("durationMinutes", 60), Map.of("cancel", "yes"),
                        List.of("MON 10:00"), List.of("MON 09:00", "MON 10:00", "MON 11:00", "TUE 09:00", "TUE 10:00",
                                "TUE 11:00")),
                row("the founder's daily limit closes that day to them", Map.of("durationMinutes", 60,
                        "maxPerDayPerFounder", 1), Map.of("askedBy", "booker"), List.of("MON 09:00"),
                        List.of("TUE 09:00", "TUE 10:00", "TUE 11:00")),
                row("the founder's daily limit leaves the day open to others", Map.of("durationMinutes", 60,
                        "maxPerDayPerFounder", 1), Map.of(), List.of("MON 09:00"),
                        List.of("MON 10:00", "MON 11:00", "TUE 09:00", "TUE 10:00", "TUE 11:00")),
                row("the founder's weekly limit closes the week to them", Map.of("durationMinutes", 60,
                        "maxPerWeekPerFounder", 2), Map.of("askedBy", "booker"), List.of("MON 09:00", "TUE 10:00"),
                        List.of()),
                row("the session the founder is moving does not count against their limit", Map.of("durationMinutes", 60,
                        "maxPerWeekPerFounder", 1), Map.of("askedBy", "booker", "rescheduling", "first"),
                        List.of("MON 09:00"), List.of("MON 10:00", "MON 11:00", "TUE 09:00", "TUE 10:00", "TUE 11:00")),
                row("buffers on both sides keep the two sessions' buffers apart too",
                        Map.of("durationMinutes", 30, "bufferBeforeMinutes", 30, "bufferAfterMinutes", 30), Map.of(),
                        List.of("MON 10:00"), List.of("MON 11:30", "TUE 09:00", "TUE 09:30", "TUE 10:00", "TUE 10:30",
                                "TUE 11:00", "TUE 11:30")));
    }

    private static Arguments row(String name, Map<String, Object> type, Map<String, String> availability,
            List<String> booked, List<String> expected) {
        return Arguments.of(name, type, availability, booked, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void slotsHonourHoursBuffersBookingsAndLimits(String name, Map<String, Object> typeRules,
            Map<String, String> availabilityChange, List<String> booked, List<String> expected) {
        LocalDate monday = Api.mondayAhead(1);
        Map<String, Object> availability = new HashMap<>();
        availability.put("weekly", List.of(Map.of("day", "MONDAY", "start", "09:00", "end", "12:00"),
                Map.of("day", "TUESDAY", "start", "09:00", "end", "12:00")));
        availability.put("holidays", "MON".equals(availabilityChange.get("holiday")) ? List.of(monday.toString()) : List.of());
        availability.put("overrides", "MON".equals(availabilityChange.get("override"))
                ? List.of(Map.of("date", monday.toString(), "hours", List.of(Map.of("start", "14:00", "end", "15:00"))))
                : List.of());
        String mentorId = Api.mentor(AGENCY_A, "Slots " + name, List.of("slots"), availability);
        Map<String, Object> type = Api.sessionType("MENTORING", 60);
        type.putAll(typeRules);
        String typeId = Api.createSessionType(AGENCY_A, type);

        // "askedBy: booker": one founder books every row's sessions and asks for the slots (their own limits).
        String booker = "slot-booker-" + java.util.UUID.randomUUID();
        boolean byBooker = "booker".equals(availabilityChange.get("askedBy"));
        int n = 0;
        String first = null;
        for (String label : booked) {
            String founderName = byBooker ? booker : "slot-founder-" + n++;
            String sessionId = as(founder(founderName))
                    .body(Api.booking(mentorId, typeId, start(monday, label)))
                    .post("/api/mentoring/sessions").then().statusCode(201).extract().path("id");
            first = first == null ? sessionId : first;
            if (availabilityChange.containsKey("cancel")) {
                as(founder(founderName)).body(Map.of("reason", "changed plans"))
                        .post("/api/mentoring/sessions/" + sessionId + "/cancel").then().statusCode(200);
            }
        }

        var request = as(founder(byBooker ? booker : "founder1"));
        if (availabilityChange.containsKey("rescheduling")) {
            request = request.queryParam("rescheduling", first);
        }
        List<String> starts = request.queryParam("sessionType", typeId)
                .queryParam("from", monday.toString()).queryParam("to", monday.plusDays(1).toString())
                .get("/api/mentoring/mentors/" + mentorId + "/slots").then().statusCode(200)
                .extract().jsonPath().getList("start", String.class);
        assertEquals(expected.stream().map(label -> OffsetDateTime.parse(start(monday, label)).toInstant()).toList(),
                starts.stream().map(s -> OffsetDateTime.parse(s).toInstant()).toList(), name);
    }

    private static String start(LocalDate monday, String label) {
        LocalDate date = label.startsWith("MON") ? monday : monday.plusDays(1);
        return Api.at(date, label.substring(4));
    }

    @Test
    void slotsInsideTheBookingNoticeAreNotOffered() {
        String mentorId = Api.mentor(AGENCY_A, "Notice mentor", List.of("notice"), Api.everyDay("00:00", "23:00"));
        Map<String, Object> type = Api.sessionType("MENTORING", 60);
        type.put("minBookingNoticeMinutes", 1500);
        String typeId = Api.createSessionType(AGENCY_A, type);
        LocalDate today = LocalDate.now(Api.SEOUL);
        // Taken before the request: the service's own "now" is later, so its notice ends no earlier.
        ZonedDateTime earliest = ZonedDateTime.now(Api.SEOUL).plusMinutes(1500);
        List<String> starts = as(founder("founder1")).queryParam("sessionType", typeId)
                .queryParam("from", today.toString()).queryParam("to", today.plusDays(3).toString())
                .get("/api/mentoring/mentors/" + mentorId + "/slots").then().statusCode(200)
                .extract().jsonPath().getList("start", String.class);
        assertFalse(starts.isEmpty());
        OffsetDateTime first = OffsetDateTime.parse(starts.get(0));
        assertFalse(first.toInstant().isBefore(earliest.toInstant()), "first slot " + first + " is inside the notice");
        assertTrue(first.toInstant().isBefore(ZonedDateTime.now(Api.SEOUL).plusMinutes(1500).plusHours(2).toInstant()), "first slot " + first + " is too late");
    }

    @Test
    void aGroupSessionIsOfferedWithTheSeatsItHasLeft() {
        String mentorId = Api.mentor(AGENCY_A, "Group mentor", List.of("group"), Api.everyDay("09:00", "12:00"));
        Map<String, Object> type = Api.sessionType("TECH_EXCHANGE", 60);
        type.put("seats", 3);
        String typeId = Api.createSessionType(AGENCY_A, type);
        LocalDate monday = Api.mondayAhead(1);
        as(founder("group-founder")).body(Api.booking(mentorId, typeId, Api.at(monday, "10:00")))
                .post("/api/mentoring/sessions").then().statusCode(201).body("myPlace", equalTo("SEATED"));
        as(founder("founder1")).queryParam("sessionType", typeId).queryParam("from", monday.toString())
                .queryParam("to", monday.toString()).get("/api/mentoring/mentors/" + mentorId + "/slots").then()
                .statusCode(200).body("seatsLeft", equalTo(List.of(3, 2, 3)));
    }

    @Test
    void slotQueriesAreCheckedBeforeAnythingIsRead() {
        String mentorId = Api.mentor(AGENCY_A, "Query mentor", List.of("q"), Api.everyDay("09:00", "12:00"));
        String typeId = Api.createSessionType(AGENCY_A, Api.sessionType("MENTORING", 60));
        LocalDate monday = Api.mondayAhead(1);
        as(founder("founder1")).queryParam("sessionType", typeId).queryParam("from", monday.toString())
                .queryParam("to", monday.plusDays(40).toString()).get("/api/mentoring/mentors/" + mentorId + "/slots")
                .then().statusCode(400).contentType("application/problem+json");
        as(founder("founder1")).queryParam("sessionType", typeId).queryParam("from", "monday")
                .queryParam("to", monday.toString()).get("/api/mentoring/mentors/" + mentorId + "/slots")
                .then().statusCode(400);
        as(founder("founder1")).queryParam("sessionType", typeId).queryParam("from", monday.toString())
                .queryParam("to", monday.toString()).get("/api/mentoring/mentors/" + java.util.UUID.randomUUID() + "/slots")
                .then().statusCode(400).body("errors[0].field", equalTo("mentorId"));
    }
}
