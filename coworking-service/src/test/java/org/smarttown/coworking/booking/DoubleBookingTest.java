package org.smarttown.coworking.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.smarttown.coworking.Office.MANAGER;
import static org.smarttown.coworking.Office.as;
import static org.smarttown.coworking.Office.day;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.smarttown.coworking.Office;
import org.smarttown.coworking.Office.Founder;

import io.quarkus.test.junit.QuarkusTest;

/** No double booking under concurrency: the exclusion constraint decides, not a check in code. */
@QuarkusTest
class DoubleBookingTest {

    static final int FOUNDERS = 100;

    @Test
    void aHundredFoundersRacingForOneSlotGetExactlyOneBooking() throws Exception {
        String room = Office.space("MEETING_ROOM");
        LocalDate d = day(2);
        Map<Integer, Long> statuses = race(room, i -> Office.booking(room, d, "10:00", "11:00"));
        assertEquals(Map.of(201, 1L, 409, (long) FOUNDERS - 1), statuses);
        as(MANAGER).get("/api/coworking/bookings?spaceId=" + room).then().body("totalItems",
                org.hamcrest.Matchers.equalTo(1));
    }

    @Test
    void overlappingButUnequalRangesAlsoYieldOneBooking() throws Exception {
        String room = Office.space("MEETING_ROOM");
        LocalDate d = day(2);
        // Every range holds 12:00-12:30, so any two overlap.
        List<String[]> ranges = new ArrayList<>();
        for (String start : List.of("10:00", "10:30", "11:00", "11:30", "12:00")) {
            for (String end : List.of("12:30", "13:00", "13:30", "14:00")) {
                ranges.add(new String[] { start, end });
            }
        }
        Map<Integer, Long> statuses = race(room, i -> {
            String[] range = ranges.get(i % ranges.size());
            return Office.booking(room, d, range[0], range[1]);
        });
        assertEquals(Map.of(201, 1L, 409, (long) FOUNDERS - 1), statuses);
    }

    private static Map<Integer, Long> race(String room, java.util.function.IntFunction<Map<String, Object>> body)
            throws Exception {
        List<Founder> founders = IntStream.range(0, FOUNDERS).mapToObj(i -> Office.approvedFounder()).toList();
        ExecutorService pool = Executors.newFixedThreadPool(FOUNDERS);
        try {
            List<Callable<Integer>> calls = IntStream.range(0, FOUNDERS).<Callable<Integer>> mapToObj(i -> () -> as(
                    founders.get(i).token()).header("Idempotency-Key", UUID.randomUUID().toString()).body(body.apply(i))
                    .post("/api/coworking/bookings").statusCode()).toList();
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                codes.add(f.get());
            }
            return codes.stream().collect(Collectors.groupingBy(c -> c, Collectors.counting()));
        } finally {
            pool.shutdownNow();
        }
    }
}
