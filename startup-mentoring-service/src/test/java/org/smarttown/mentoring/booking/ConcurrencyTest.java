package org.smarttown.mentoring.booking;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smarttown.mentoring.Api.AGENCY_A;
import static org.smarttown.mentoring.Api.as;
import static org.smarttown.mentoring.Api.founder;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smarttown.mentoring.Api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;

@QuarkusTest
class ConcurrencyTest {

    @Inject
    Pool pool;

    private final LocalDate monday = Api.mondayAhead(2);

    @BeforeEach
    void agencies() {
        Api.agencies();
    }

    /** Sends all requests at once from separate threads and returns the responses. */
    private static List<Response> inParallel(int count, IntFunction<Response> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    go.await();
                    return request.apply(n);
                }));
            }
            go.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> future : futures) {
                responses.add(future.get());
            }
            return responses;
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void fiftyParallelBookingsOfOneSlotGiveExactlyOneSession() throws Exception {
        String mentorId = Api.mentor(AGENCY_A, "Busy mentor", List.of("race"), Api.everyDay("09:00", "12:00"));
        String typeId = Api.createSessionType(AGENCY_A, Api.sessionType("MENTORING", 60));
        Map<String, Object> body = Api.booking(mentorId, typeId, Api.at(monday, "10:00"));

        List<Response> responses = inParallel(50, n -> as(founder("racer-" + n)).body(body).post("/api/mentoring/sessions"));

        List<Integer> statuses = responses.stream().map(Response::statusCode).toList();
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(49, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        as(founder("founder1")).queryParam("sessionType", typeId).queryParam("from", monday.toString())
                .queryParam("to", monday.toString()).get("/api/mentoring/mentors/" + mentorId + "/slots").then()
                .statusCode(200).body("start", org.hamcrest.Matchers.contains(Api.at(monday, "09:00"), Api.at(monday, "11:00")));
    }

    @Test
    void twentyFoundersForFourSeatsGiveFourSeatsAndSixteenOnTheWaitlistAndACancellationPromotesTheFirst()
            throws Exception {
        String mentorId = Api.mentor(AGENCY_A, "Group host", List.of("race"), Api.everyDay("09:00", "12:00"));
        Map<String, Object> type = Api.sessionType("TECH_EXCHANGE", 60);
        type.put("seats", 4);
        String typeId = Api.createSessionType(AGENCY_A, type);
        Map<String, Object> body = Api.booking(mentorId, typeId, Api.at(monday, "09:00"));

        List<Response> responses = inParallel(20, n -> as(founder("joiner-" + n)).body(body).post("/api/mentoring/sessions"));

        assertTrue(responses.stream().allMatch(r -> r.statusCode() == 201),
                responses.stream().map(Response::statusCode).toList().toString());
        List<String> places = responses.stream().map(r -> r.<String> path("myPlace")).toList();
        assertEquals(4, places.stream().filter("SEATED"::equals).count(), places.toString());
        assertEquals(16, places.stream().filter("WAITLISTED"::equals).count(), places.toString());
        String sessionId = responses.get(0).path("id");
        assertTrue(responses.stream().allMatch(r -> sessionId.equals(r.path("id"))));

        int seated = places.indexOf("SEATED");
        as(founder("joiner-" + seated)).body(Map.of("reason", "cannot come"))
                .post("/api/mentoring/sessions/" + sessionId + "/cancel").then().statusCode(200)
                .body("myPlace", equalTo("CANCELLED")).body("seated", equalTo(4)).body("waitlisted", equalTo(15));
        as(AGENCY_A).get("/partner/v1/sessions/" + sessionId).then().statusCode(200)
                .body("attendees.findAll { it.place == 'SEATED' }.size()", equalTo(4));
    }

    @Test
    void theDatabaseItselfRefusesOverlappingActiveSessionsOfOneMentor() {
        String mentorId = Api.mentor(AGENCY_A, "Constraint mentor", List.of("db"), Api.everyDay("09:00", "12:00"));
        String typeId = Api.createSessionType(AGENCY_A, Api.sessionType("MENTORING", 60));
        String sql = "insert into mentoring_session (id, agency_id, mentor_id, session_type_id, start_at, end_at, "
                + "blocked_from, blocked_to, status, seats, created_at, updated_at, version) "
                + "values ($1, 'agency-a', $2, $3, $4, $5, $4, $5, $6, 1, now(), now(), 0)";
        OffsetDateTime start = OffsetDateTime.parse(Api.at(monday, "09:00"));
        pool.preparedQuery(sql).execute(Tuple.from(List.of(UUID.randomUUID(), UUID.fromString(mentorId),
                UUID.fromString(typeId), start, start.plusHours(1), "CONFIRMED"))).await().indefinitely();
        // A cancelled session may lie anywhere; an active one may not overlap.
        pool.preparedQuery(sql).execute(Tuple.from(List.of(UUID.randomUUID(), UUID.fromString(mentorId),
                UUID.fromString(typeId), start.plusMinutes(30), start.plusMinutes(90), "CANCELLED"))).await().indefinitely();
        RuntimeException refused = assertThrows(RuntimeException.class, () -> pool.preparedQuery(sql)
                .execute(Tuple.from(List.of(UUID.randomUUID(), UUID.fromString(mentorId), UUID.fromString(typeId),
                        start.plusMinutes(30), start.plusMinutes(90), "REQUESTED"))).await().indefinitely());
        assertTrue(refused.getMessage().contains("mentor_not_double_booked"), refused.getMessage());
    }
}
