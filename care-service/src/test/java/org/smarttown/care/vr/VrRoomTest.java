package org.smarttown.care.vr;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smarttown.care.Fixtures.CARER;
import static org.smarttown.care.Fixtures.FOUNDER;
import static org.smarttown.care.Fixtures.SUPERVISOR;
import static org.smarttown.care.Fixtures.reading;
import static org.smarttown.care.Fixtures.send;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.smarttown.care.Fixtures;
import org.smarttown.care.profile.ResidentEvents;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
class VrRoomTest {

    /** The seeded catalogue's programmes (V6 migration). */
    static final String MEMORY_GARDEN = "5f0c8a1e-0001-4c3b-9a51-0d6f3e2b1a01";
    static final String VILLAGE_WALK = "5f0c8a1e-0002-4c3b-9a51-0d6f3e2b1a02";

    @Inject
    Fixtures fixtures;

    @Inject
    ResidentEvents residentEvents;

    @Inject
    Pool pool;

    static OffsetDateTime at(int minutesFromNow) {
        return OffsetDateTime.now(ZoneOffset.ofHours(9)).withNano(0).plusMinutes(minutesFromNow);
    }

    static ValidatableResponse createSession(String programme, OffsetDateTime start, OffsetDateTime end, Object capacity) {
        return createSession(programme, start, end, capacity, null);
    }

    static ValidatableResponse createSession(String programme, OffsetDateTime start, OffsetDateTime end, Object capacity,
            String room) {
        Map<String, Object> body = new HashMap<>();
        body.put("programmeId", programme);
        body.put("startsAt", start.toString());
        if (end != null) {
            body.put("endsAt", end.toString());
        }
        body.put("capacity", capacity);
        if (room != null) {
            body.put("room", room);
        }
        return given().auth().oauth2(CARER).contentType(ContentType.JSON).body(body).post("/api/care/vr/sessions").then();
    }

    /** A session in a room of its own, so that the times of different tests never clash in one room. */
    static String session(String programme, OffsetDateTime start, OffsetDateTime end, int capacity) {
        return createSession(programme, start, end, capacity, room()).statusCode(201).extract().path("id");
    }

    static String room() {
        return "VR-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** "201", or the status and problem type of a refused session ("409 room-taken"). */
    static String sessionOutcome(String programme, OffsetDateTime start, OffsetDateTime end, String room) {
        io.restassured.response.Response response = given().auth().oauth2(CARER).contentType(ContentType.JSON)
                .body(Map.of("programmeId", programme, "startsAt", start.toString(), "endsAt", end.toString(),
                        "capacity", 4, "room", room))
                .post("/api/care/vr/sessions");
        return response.statusCode() == 201 ? "201"
                : response.statusCode() + " " + response.jsonPath().getString("type").replace("urn:smarttown:problem:", "");
    }

    /** The sessions of one room between two times, by start (through the calendar, as staff see it). */
    static List<String> sessionsInRoom(String room, OffsetDateTime from, OffsetDateTime to) {
        return given().auth().oauth2(CARER).queryParam("from", from.toString()).queryParam("to", to.toString())
                .queryParam("size", 100).get("/api/care/vr/sessions").then().statusCode(200)
                .extract().jsonPath().getList("items.findAll { it.room == '" + room + "' }.id");
    }

    @Test
    void aSecondSessionInTheSameRoomAtAnOverlappingTimeIsRefusedAndNothingIsStored() {
        String room = room();
        OffsetDateTime start = at(3000);
        String first = createSession(MEMORY_GARDEN, start, start.plusMinutes(30), 4, room).statusCode(201)
                .body("room", equalTo(room)).extract().path("id");

        // Starting inside it, inside it entirely, around it, and by the programme's own length.
        createSession(VILLAGE_WALK, start.plusMinutes(15), start.plusMinutes(45), 6, room).statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:smarttown:problem:room-taken"))
                .body("detail", containsString("Room " + room)).body("detail", containsString(first));
        createSession(VILLAGE_WALK, start.plusMinutes(5), start.plusMinutes(10), 6, room).statusCode(409)
                .body("type", equalTo("urn:smarttown:problem:room-taken"));
        createSession(VILLAGE_WALK, start.minusMinutes(10), start.plusMinutes(40), 6, room).statusCode(409)
                .body("type", equalTo("urn:smarttown:problem:room-taken"));
        createSession(MEMORY_GARDEN, start.minusMinutes(20), null, 6, room).statusCode(409)
                .body("type", equalTo("urn:smarttown:problem:room-taken")).body("detail", containsString(first));

        assertEquals(List.of(first), sessionsInRoom(room, start.minusHours(1), start.plusHours(2)));

        // Written past the service, as a future bug or a hand-made fix might: the constraint still holds.
        Throwable clash = assertThrows(Throwable.class, () -> pool.preparedQuery("""
                insert into vr_session (id, programme_id, starts_at, ends_at, capacity, staff, room, created_by, created_at)
                select $1, programme_id, starts_at + interval '1 minute', ends_at, 4, 'sql', room, 'sql', now()
                from vr_session where id = $2""")
                .execute(Tuple.of(UUID.randomUUID(), UUID.fromString(first))).await().indefinitely());
        assertTrue(clash.getMessage().contains("vr_session_room_free"), clash.getMessage());
    }

    @Test
    void theSameTimeInAnotherRoomAndBackToBackSessionsInOneRoomAreScheduled() {
        String room = room();
        OffsetDateTime start = at(3200);
        String first = createSession(MEMORY_GARDEN, start, start.plusMinutes(30), 4, room).statusCode(201)
                .extract().path("id");
        String elsewhere = room();
        String parallel = createSession(MEMORY_GARDEN, start, start.plusMinutes(30), 4, elsewhere).statusCode(201)
                .body("room", equalTo(elsewhere)).extract().path("id");
        // One ends exactly when the next starts: the headsets are free again.
        String after = createSession(VILLAGE_WALK, start.plusMinutes(30), start.plusMinutes(55), 4, room).statusCode(201)
                .extract().path("id");
        String before = createSession(VILLAGE_WALK, start.minusMinutes(25), start, 4, room).statusCode(201)
                .extract().path("id");

        assertEquals(List.of(before, first, after), sessionsInRoom(room, start.minusHours(1), start.plusHours(2)));
        assertEquals(List.of(parallel), sessionsInRoom(elsewhere, start.minusHours(1), start.plusHours(2)));
    }

    @Test
    void parallelRequestsForOverlappingSessionsInOneRoomScheduleExactlyOne() throws Exception {
        String room = room();
        OffsetDateTime start = at(3400);
        int requests = 10;
        ExecutorService threads = Executors.newFixedThreadPool(requests);
        try {
            List<Callable<String>> calls = new ArrayList<>();
            // Each a minute later than the one before: every two of them overlap.
            for (int i = 0; i < requests; i++) {
                OffsetDateTime from = start.plusMinutes(i);
                calls.add(() -> sessionOutcome(MEMORY_GARDEN, from, from.plusMinutes(30), room));
            }
            List<String> outcomes = new ArrayList<>();
            for (Future<String> f : threads.invokeAll(calls)) {
                outcomes.add(f.get());
            }
            assertEquals(1, outcomes.stream().filter(o -> o.equals("201")).count(), outcomes.toString());
            assertEquals(requests - 1, outcomes.stream().filter(o -> o.equals("409 room-taken")).count(), outcomes.toString());
        } finally {
            threads.shutdownNow();
        }
        assertEquals(1, sessionsInRoom(room, start.minusHours(1), start.plusHours(2)).size());
    }

    static int enrol(String token, String sessionId, UUID residentId, String overrideReason) {
        Map<String, Object> body = new HashMap<>();
        body.put("residentId", residentId);
        if (overrideReason != null) {
            body.put("overrideReason", overrideReason);
        }
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/care/vr/sessions/" + sessionId + "/enrolments").then().extract().statusCode();
    }

    /** "201", or the status and problem type of a refusal ("409 session-full"). */
    static String enrolOutcome(String sessionId, UUID residentId) {
        io.restassured.response.Response response = given().auth().oauth2(CARER).contentType(ContentType.JSON)
                .body(Map.of("residentId", residentId)).post("/api/care/vr/sessions/" + sessionId + "/enrolments");
        return response.statusCode() == 201 ? "201"
                : response.statusCode() + " " + response.jsonPath().getString("type").replace("urn:smarttown:problem:", "");
    }

    @Test
    void thirtyParallelEnrolmentsIntoASixHeadsetSessionSeatExactlySix() throws Exception {
        List<UUID> residents = fixtures.residents("가상현실", 30);
        String sessionId = session(MEMORY_GARDEN, at(60), null, 6);

        ExecutorService pool = Executors.newFixedThreadPool(30);
        try {
            List<Callable<String>> calls = new ArrayList<>();
            residents.forEach(r -> calls.add(() -> enrolOutcome(sessionId, r)));
            List<String> outcomes = new ArrayList<>();
            for (Future<String> f : pool.invokeAll(calls)) {
                outcomes.add(f.get());
            }
            assertEquals(6, outcomes.stream().filter(o -> o.equals("201")).count(), outcomes.toString());
            assertEquals(24, outcomes.stream().filter(o -> o.equals("409 session-full")).count(), outcomes.toString());
        } finally {
            pool.shutdownNow();
        }
        given().auth().oauth2(CARER).get("/api/care/vr/sessions/" + sessionId).then()
                .body("enrolled", equalTo(6)).body("seatsLeft", equalTo(0)).body("participants.size()", equalTo(6));
        given().auth().oauth2(CARER).contentType(ContentType.JSON).body(Map.of("residentId", residents.get(0)))
                .post("/api/care/vr/sessions/" + sessionId + "/enrolments").then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void oneResidentSentToTwoOverlappingSessionsAtOnceGetsExactlyOne() throws Exception {
        List<UUID> residents = fixtures.residents("겹침", 12);
        // Seats for everyone in both, so that only the overlap can refuse.
        String first = session(MEMORY_GARDEN, at(120), at(150), 12);
        String second = session(VILLAGE_WALK, at(140), at(170), 12);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (UUID resident : residents) {
                Future<String> a = pool.submit(() -> enrolOutcome(first, resident));
                Future<String> b = pool.submit(() -> enrolOutcome(second, resident));
                List<String> outcomes = List.of(a.get(), b.get());
                assertEquals(1, outcomes.stream().filter(o -> o.equals("201")).count(), outcomes.toString());
                assertEquals(1, outcomes.stream().filter(o -> o.equals("409 overlapping-session")).count(),
                        outcomes.toString());
            }
        } finally {
            pool.shutdownNow();
        }
        int enrolled = (int) given().auth().oauth2(CARER).get("/api/care/vr/sessions/" + first).then().extract().path("enrolled")
                + (int) given().auth().oauth2(CARER).get("/api/care/vr/sessions/" + second).then().extract().path("enrolled");
        assertEquals(12, enrolled, "the refused enrolment gave its seat back");
        // A session right after the first one does not overlap it.
        String later = session(MEMORY_GARDEN, at(170), at(200), 10);
        assertEquals(201, enrol(CARER, later, residents.get(0), null));
    }

    @Test
    void aContraindicatedResidentNeedsASupervisorsRecordedOverride() {
        UUID residentId = fixtures.resident("금기");
        given().auth().oauth2(CARER).contentType(ContentType.JSON).body(Map.of("conditions", List.of("VERTIGO", "HYPERTENSION")))
                .put("/api/care/profiles/" + residentId + "/conditions").then().statusCode(200)
                .body("conditions", contains("HYPERTENSION", "VERTIGO"));
        String sessionId = session(VILLAGE_WALK, at(300), null, 4);

        given().auth().oauth2(CARER).contentType(ContentType.JSON).body(Map.of("residentId", residentId))
                .post("/api/care/vr/sessions/" + sessionId + "/enrolments").then().statusCode(409)
                .body("type", equalTo("urn:smarttown:problem:contraindicated"));
        assertEquals(403, enrol(CARER, sessionId, residentId, "cleared by her doctor"));
        assertEquals(201, enrol(SUPERVISOR, sessionId, residentId, "cleared by her doctor; seated version"));

        given().auth().oauth2(CARER).get("/api/care/vr/sessions/" + sessionId).then()
                .body("enrolled", equalTo(1))
                .body("participants[0].override.by", equalTo("supervisor1"))
                .body("participants[0].override.reason", equalTo("cleared by her doctor; seated version"))
                .body("participants[0].override.conditions", contains("VERTIGO"))
                .body("participants[0].name", equalTo("금기"));
    }

    @Test
    void attendanceMinutesScoreAndTheBandsHeartRateAreKeptPerParticipant() {
        UUID attended = fixtures.resident("참석");
        UUID absent = fixtures.resident("불참");
        String band = fixtures.device("SMART_BAND", attended);
        OffsetDateTime start = at(-20);
        String sessionId = session(MEMORY_GARDEN, start, at(10), 6);
        // Enrolment is for sessions that have not ended; this one is under way.
        assertEquals(201, enrol(CARER, sessionId, attended, null));
        assertEquals(201, enrol(CARER, sessionId, absent, null));
        send(List.of(reading(band, "HEART_RATE", 88, start.plusMinutes(5)), reading(band, "HEART_RATE", 104, start.plusMinutes(10)),
                reading(band, "HEART_RATE", 95, start.plusMinutes(15)), reading(band, "HEART_RATE", 60, start.minusMinutes(5))))
                .statusCode(202);

        given().auth().oauth2(CARER).contentType(ContentType.JSON)
                .body(Map.of("attendance", "ATTENDED", "minutesDone", 18, "completed", false, "score", 72))
                .post("/api/care/vr/sessions/" + sessionId + "/enrolments/" + attended + "/attendance").then().statusCode(200);
        given().auth().oauth2(CARER).contentType(ContentType.JSON).body(Map.of("attendance", "NO_SHOW"))
                .post("/api/care/vr/sessions/" + sessionId + "/enrolments/" + absent + "/attendance").then().statusCode(200);

        given().auth().oauth2(CARER).get("/api/care/vr/sessions/" + sessionId).then().statusCode(200)
                .body("participants.find { it.residentId == '" + attended + "' }.attendance", equalTo("ATTENDED"))
                .body("participants.find { it.residentId == '" + attended + "' }.minutesDone", equalTo(18))
                .body("participants.find { it.residentId == '" + attended + "' }.completed", equalTo(false))
                .body("participants.find { it.residentId == '" + attended + "' }.score", equalTo(72))
                .body("participants.find { it.residentId == '" + attended + "' }.recordedBy", equalTo("carer1"))
                .body("participants.find { it.residentId == '" + attended + "' }.heartRate.readings", equalTo(3))
                .body("participants.find { it.residentId == '" + attended + "' }.heartRate.min", equalTo(88.0f))
                .body("participants.find { it.residentId == '" + attended + "' }.heartRate.max", equalTo(104.0f))
                .body("participants.find { it.residentId == '" + attended + "' }.heartRate.mean", equalTo(95.7f))
                .body("participants.find { it.residentId == '" + absent + "' }.attendance", equalTo("NO_SHOW"))
                .body("participants.find { it.residentId == '" + absent + "' }.heartRate.readings", equalTo(0))
                .body("participants.find { it.residentId == '" + absent + "' }.heartRate.mean", nullValue());

        // Recording again corrects it: she finished the programme after all.
        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON)
                .body(Map.of("attendance", "ATTENDED", "minutesDone", 30, "completed", true, "score", 85))
                .post("/api/care/vr/sessions/" + sessionId + "/enrolments/" + attended + "/attendance").then().statusCode(200)
                .body("participants.find { it.residentId == '" + attended + "' }.minutesDone", equalTo(30))
                .body("participants.find { it.residentId == '" + attended + "' }.completed", equalTo(true))
                .body("participants.find { it.residentId == '" + attended + "' }.score", equalTo(85))
                .body("participants.find { it.residentId == '" + attended + "' }.recordedBy", equalTo("supervisor1"));

        // More minutes than the session lasts, or minutes on a no-show, are refused.
        given().auth().oauth2(CARER).contentType(ContentType.JSON).body(Map.of("attendance", "ATTENDED", "minutesDone", 31))
                .post("/api/care/vr/sessions/" + sessionId + "/enrolments/" + attended + "/attendance").then()
                .statusCode(400).body("errors.field", contains("minutesDone"));
        given().auth().oauth2(CARER).contentType(ContentType.JSON).body(Map.of("attendance", "NO_SHOW", "minutesDone", 5))
                .post("/api/care/vr/sessions/" + sessionId + "/enrolments/" + absent + "/attendance").then().statusCode(400);
        given().auth().oauth2(CARER).contentType(ContentType.JSON).body(Map.of("attendance", "ATTENDED", "minutesDone", 10, "score", 101))
                .post("/api/care/vr/sessions/" + sessionId + "/enrolments/" + attended + "/attendance").then()
                .statusCode(400).body("errors.field", contains("score"));
    }

    @Test
    void theDatabaseItselfRefusesAnOverbookedSessionAndAResidentsOverlappingEnrolment() {
        UUID residentId = fixtures.resident("제약");
        String sessionId = session(MEMORY_GARDEN, at(2000), at(2030), 1);
        String overlapping = session(VILLAGE_WALK, at(2010), at(2040), 5);
        assertEquals(201, enrol(CARER, sessionId, residentId, null));

        // Written past the service, as a future bug or a hand-made fix might: the constraints still hold.
        Throwable overbooked = assertThrows(Throwable.class, () -> pool
                .preparedQuery("update vr_session set enrolled = enrolled + 1 where id = $1")
                .execute(Tuple.of(UUID.fromString(sessionId))).await().indefinitely());
        assertTrue(overbooked.getMessage().contains("vr_session_not_overbooked"), overbooked.getMessage());
        Throwable overlap = assertThrows(Throwable.class, () -> pool.preparedQuery("""
                insert into vr_enrolment (id, session_id, resident_id, starts_at, ends_at, enrolled_by, enrolled_at)
                select $1, id, $2, starts_at, ends_at, 'sql', now() from vr_session where id = $3""")
                .execute(Tuple.of(UUID.randomUUID(), residentId, UUID.fromString(overlapping))).await().indefinitely());
        assertTrue(overlap.getMessage().contains("vr_enrolment_no_overlap"), overlap.getMessage());

        given().auth().oauth2(CARER).get("/api/care/vr/sessions/" + sessionId).then().body("enrolled", equalTo(1));
        given().auth().oauth2(CARER).get("/api/care/vr/sessions/" + overlapping).then().body("enrolled", equalTo(0))
                .body("participants.size()", equalTo(0));
    }

    @Test
    void enrolmentNeedsASessionNotYetOverAndAResidentStillInCare() {
        UUID residentId = fixtures.resident("종료");
        String over = session(MEMORY_GARDEN, at(-90), at(-60), 4);
        assertEquals("409 session-over", enrolOutcome(over, residentId));

        String upcoming = session(MEMORY_GARDEN, at(2400), null, 4);
        assertEquals("404 not-found", enrolOutcome(upcoming, UUID.randomUUID()));
        residentEvents.send(ResidentEvents.consent(residentId, "CARE_SERVICES", false));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(CARER)
                .get("/api/care/profiles/" + residentId).then().body("status", equalTo("CLOSED")));
        assertEquals("409 profile-closed", enrolOutcome(upcoming, residentId));
        given().auth().oauth2(CARER).get("/api/care/vr/sessions/" + upcoming).then().body("enrolled", equalTo(0));
    }

    @Test
    void attendanceWaitsForTheSessionToStartAndAWithdrawalFreesTheHeadset() {
        UUID residentId = fixtures.resident("미래");
        String sessionId = session(MEMORY_GARDEN, at(600), null, 1);
        assertEquals(201, enrol(CARER, sessionId, residentId, null));
        given().auth().oauth2(CARER).contentType(ContentType.JSON).body(Map.of("attendance", "NO_SHOW"))
                .post("/api/care/vr/sessions/" + sessionId + "/enrolments/" + residentId + "/attendance").then()
                .statusCode(409).body("type", equalTo("urn:smarttown:problem:session-not-started"));
        given().auth().oauth2(CARER).delete("/api/care/vr/sessions/" + sessionId + "/enrolments/" + residentId).then()
                .statusCode(204);
        UUID other = fixtures.resident("대기");
        assertEquals(201, enrol(CARER, sessionId, other, null));
    }

    @Test
    void badSessionsAre400ProblemsAndCreateNothing() {
        OffsetDateTime start = at(900);
        createSession(MEMORY_GARDEN, start, start.minusMinutes(1), 4).statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("endsAt"));
        createSession(MEMORY_GARDEN, start, start, 4).statusCode(400);
        createSession(MEMORY_GARDEN, start, null, 0).statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("capacity"));
        createSession(MEMORY_GARDEN, start, null, "six").statusCode(400);
        createSession(UUID.randomUUID().toString(), start, null, 4).statusCode(400).body("errors.field", contains("programmeId"));
        given().auth().oauth2(CARER).queryParam("from", start.minusMinutes(1).toString()).queryParam("to", start.plusHours(1).toString())
                .get("/api/care/vr/sessions").then().statusCode(200).body("totalItems", equalTo(0));
    }

    @Test
    void aSessionTakesItsLengthFromTheProgrammeAndListsInTheCalendar() {
        OffsetDateTime start = at(1200);
        String endsAt = createSession(MEMORY_GARDEN, start, null, 8).statusCode(201)
                .header("Location", notNullValue())
                .body("programme.code", equalTo("MEMORY-GARDEN")).body("staff", equalTo("carer1")).body("room", equalTo("VR-1"))
                .body("seatsLeft", equalTo(8)).extract().path("endsAt");
        assertEquals(start.plusMinutes(30).toInstant(), OffsetDateTime.parse(endsAt).toInstant());
        given().auth().oauth2(CARER).queryParam("from", start.minusMinutes(1).toString()).queryParam("to", start.plusMinutes(1).toString())
                .get("/api/care/vr/sessions").then().body("items.programme.code", contains("MEMORY-GARDEN"));
        given().auth().oauth2(CARER).queryParam("kind", "RELAXATION").get("/api/care/vr/programmes").then()
                .body("items.code", hasItem("CALM-SEA")).body("items[0].contraindications", hasItem("MOTION_SICKNESS"));
    }

    @Test
    void onlySupervisorsExtendTheCatalogueAndOnlyCareStaffUseTheRoom() {
        Map<String, Object> programme = Map.of("code", "TAI-CHI-" + UUID.randomUUID().toString().substring(0, 4).toUpperCase(),
                "name", "태극권", "kind", "EXERCISE", "durationMinutes", 20, "intensity", "LOW",
                "contraindications", List.of("RECENT_FALL"));
        given().auth().oauth2(CARER).contentType(ContentType.JSON).body(programme).post("/api/care/vr/programmes").then()
                .statusCode(403);
        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON).body(programme).post("/api/care/vr/programmes").then()
                .statusCode(201).body("contraindications", contains("RECENT_FALL"));
        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON).body(programme).post("/api/care/vr/programmes").then()
                .statusCode(409);
        given().auth().oauth2(FOUNDER).get("/api/care/vr/programmes").then().statusCode(403);
        createSession(MEMORY_GARDEN, at(30), null, 2, room()).statusCode(201);
        given().auth().oauth2(FOUNDER).contentType(ContentType.JSON)
                .body(Map.of("programmeId", MEMORY_GARDEN, "startsAt", at(30).toString(), "capacity", 2))
                .post("/api/care/vr/sessions").then().statusCode(403);
    }
}
