package org.smarttown.coworking.booking;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.equalTo;
import static org.smarttown.coworking.Office.as;
import static org.smarttown.coworking.Office.book;
import static org.smarttown.coworking.Office.booking;
import static org.smarttown.coworking.Office.day;

import java.util.UUID;

import jakarta.inject.Inject;

import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Test;
import org.smarttown.commons.testing.QueryPlans;
import org.smarttown.coworking.Office;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A booking runs the same statements every time, so after the first few bookings Hibernate's plan
 * cache must stop growing. A native select on this path would add a plan per booking (see
 * {@link QueryPlans}) and, under load, push the real plans out of the cache.
 */
@QuarkusTest
class QueryPlanCacheTest {

    @Inject
    Mutiny.SessionFactory factory;

    @Test
    void bookingAgainAddsNoQueryPlans() {
        String room = Office.space("MEETING_ROOM");
        String[] hours = { "08:00", "09:00", "10:00", "11:00", "12:00", "13:00", "14:00", "15:00", "16:00", "17:00",
                "18:00", "19:00" };
        // Each booking by its own founder, so no founder limit stops the run.
        for (int i = 0; i < 2; i++) {
            book(Office.approvedFounder(), room, day(2), hours[i], hours[i + 1]).then().statusCode(201);
        }
        int before = QueryPlans.cached(factory);
        int runs = 0;
        for (int i = 2; i < hours.length - 1; i++, runs++) {
            book(Office.approvedFounder(), room, day(2), hours[i], hours[i + 1]).then().statusCode(201);
        }
        int added = QueryPlans.cached(factory) - before;
        // A little slack for a periodic job that happens to run its first query meanwhile.
        assertTrue(added < 3, runs + " more bookings added " + added + " query plans");
    }

    @Test
    void replayingARetriedBookingAddsNoQueryPlans() {
        Office.Founder founder = Office.approvedFounder();
        String key = UUID.randomUUID().toString();
        var request = booking(Office.space("MEETING_ROOM"), day(3), "10:00", "11:00");
        String id = as(founder.token()).header("Idempotency-Key", key).body(request).post("/api/coworking/bookings")
                .then().statusCode(201).extract().path("id");
        as(founder.token()).header("Idempotency-Key", key).body(request).post("/api/coworking/bookings").then().statusCode(201);
        int before = QueryPlans.cached(factory);
        int retries = 10;
        for (int i = 0; i < retries; i++) {
            as(founder.token()).header("Idempotency-Key", key).body(request).post("/api/coworking/bookings").then()
                    .statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(id));
        }
        int added = QueryPlans.cached(factory) - before;
        assertTrue(added < 3, retries + " replays added " + added + " query plans");
    }
}
