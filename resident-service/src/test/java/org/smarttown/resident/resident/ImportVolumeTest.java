package org.smarttown.resident.resident;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smarttown.resident.resident.Residents.WELFARE;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The volume: a file of 10,000 rows (a whole district's register) fits the body limit and is
 * imported whole, every row with its event, in every build. The time it took is logged, not
 * asserted: this machine's load varies too much for a bound to mean anything (the README records
 * measured times). The test database is emptied when a test run starts, so the rows do not pile up.
 */
@QuarkusTest
class ImportVolumeTest {

    private static final Logger LOG = Logger.getLogger(ImportVolumeTest.class);
    private static final int ROWS = 10_000;

    @Inject
    Pool pool;

    @Test
    void tenThousandRowsAreImportedWhole() {
        String complex = Residents.uniqueComplex();
        int salt = ThreadLocalRandom.current().nextInt(1_000_000);
        StringBuilder csv = new StringBuilder("name,birthDate,sex,rrn,phone,dong,complex,categories,careConsent\n");
        for (int i = 0; i < ROWS; i++) {
            // Each row has its own birth date and a salted name and phone: no row is a look-alike of
            // another test's residents, and the half with a number has one no other test uses.
            LocalDate birth = LocalDate.of(1925, 1, 1).plusDays(i);
            String rrn = i % 2 == 0 ? "" : String.format("%02d%02d%02d-2%06d", birth.getYear() % 100,
                    birth.getMonthValue(), birth.getDayOfMonth(), (salt + i) % 1_000_000);
            csv.append("대량").append(salt).append('-').append(i).append(',').append(birth).append(",F,").append(rrn)
                    .append(String.format(",010-%04d-%04d", salt % 10_000, i)).append(",두암동,").append(complex)
                    .append(",ELDERLY;LIVING_ALONE,Y\n");
        }

        long started = System.nanoTime();
        Response job = given().auth().oauth2(WELFARE).contentType("text/csv; charset=UTF-8").body(csv.toString())
                .post("/api/residents/imports");
        job.then().statusCode(202).body("total", equalTo(ROWS));
        // A bound against a hung job only; the speed is measured, not asserted.
        List<Integer> progress = new ArrayList<>();
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200)).until(() -> {
            Response poll = given().auth().oauth2(WELFARE).get(job.header("Location"));
            progress.add(poll.then().statusCode(200).extract().path("done"));
            return "DONE".equals(poll.path("status"));
        });
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();

        Response done = given().auth().oauth2(WELFARE).get(job.header("Location"));
        done.then().body("done", equalTo(ROWS)).body("imported", equalTo(ROWS)).body("failed", equalTo(0))
                .body("report", empty());
        // Progress is visible while the job runs, batch by batch, and never goes back.
        assertTrue(progress.stream().anyMatch(rows -> rows > 0 && rows < ROWS), "rows done while running: " + progress);
        assertEquals(progress.stream().sorted().toList(), progress, "progress only grows");
        LOG.infof("%,d-row import (%,d bytes): %d s from upload to done, %d s in the job", ROWS,
                csv.toString().getBytes(StandardCharsets.UTF_8).length, seconds,
                Duration.between(OffsetDateTime.parse(done.path("createdAt")), OffsetDateTime.parse(done.path("finishedAt")))
                        .toSeconds());
        given().auth().oauth2(WELFARE).queryParam("complex", complex).queryParam("size", 1).get("/api/residents").then()
                .body("totalItems", equalTo(ROWS));
        assertEquals((long) ROWS, pool.preparedQuery("select count(*) from outbox_message where event_type = "
                + "'ResidentRegistered' and payload -> 'data' ->> 'complex' = $1").execute(Tuple.of(complex))
                .await().atMost(Duration.ofSeconds(30)).iterator().next().getLong(0));
        // And every event reaches the broker (which also leaves no backlog for the tests after this one).
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).until(() -> pool
                .preparedQuery("select count(*) from outbox_message where sent_at is null").execute()
                .await().atMost(Duration.ofSeconds(30)).iterator().next().getLong(0) == 0);
        LOG.infof("%,d events relayed %d s after the upload", ROWS, Duration.ofNanos(System.nanoTime() - started).toSeconds());
    }
}
