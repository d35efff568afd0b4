package org.smarttown.care.reading;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.smarttown.care.Fixtures.AGENCY;
import static org.smarttown.care.Fixtures.CARER;
import static org.smarttown.care.Fixtures.FOUNDER;
import static org.smarttown.care.Fixtures.SUPERVISOR;
import static org.smarttown.care.Fixtures.now;
import static org.smarttown.care.Fixtures.reading;
import static org.smarttown.care.Fixtures.send;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.smarttown.care.Fixtures;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
class ReadingResourceTest {

    @Inject
    Fixtures fixtures;

    @Inject
    Pool pool;

    @Test
    void theSameBatchSentTwiceIsStoredOnce() {
        String band = fixtures.device("SMART_BAND", fixtures.resident("두번"));
        List<Map<String, Object>> batch = List.of(reading(band, "HEART_RATE", 72), reading(band, "SPO2", 97),
                reading(band, "STEPS", 120));

        send(batch).statusCode(202)
                .body("accepted", equalTo(3)).body("duplicates", equalTo(0))
                .body("results[0].outcome", equalTo("ACCEPTED"));
        send(batch).statusCode(202)
                .body("accepted", equalTo(0)).body("duplicates", equalTo(3))
                .body("results[2].outcome", equalTo("DUPLICATE")).body("results[2].reason", equalTo("already stored"));
        assertEquals(3, storedFor(band));
    }

    @Test
    void aRepeatWithinOneBatchIsStoredOnce() {
        String band = fixtures.device("SMART_BAND", fixtures.resident("반복"));
        Map<String, Object> one = reading(band, "HEART_RATE", 70);
        send(List.of(one, one)).statusCode(202)
                .body("accepted", equalTo(1)).body("duplicates", equalTo(1))
                .body("results[1].outcome", equalTo("DUPLICATE"));
        assertEquals(1, storedFor(band));
    }

    @Test
    void badReadingsAreRejectedOneByOneWithReasons() {
        UUID residentId = fixtures.resident("나쁜값");
        String band = fixtures.device("SMART_BAND", residentId);
        String door = fixtures.device("DOOR_SENSOR", residentId);
        String inStock = fixtures.device("SMART_BAND", null);
        Map<String, Object> wrongUnit = reading(band, "HEART_RATE", 72);
        wrongUnit.put("unit", "bpm");
        Map<String, Object> noTime = reading(band, "STEPS", 10);
        noTime.remove("measuredAt");
        Map<String, Object> badTime = reading(band, "STEPS", 10);
        badTime.put("measuredAt", "yesterday");
        List<Map<String, Object>> batch = List.of(
                reading(band, "HEART_RATE", 0),
                reading(band, "HEART_RATE", 400),
                reading(band, "SPO2", 101),
                reading("NO-SUCH-DEVICE", "HEART_RATE", 70),
                reading(band, "BLOOD_SUGAR", 5),
                noTime,
                badTime,
                reading(band, "HEART_RATE", 70, now().plusHours(1)),
                wrongUnit,
                reading(door, "HEART_RATE", 70),
                reading(inStock, "HEART_RATE", 70),
                reading(band, "HEART_RATE", 71));

        send(batch).statusCode(202)
                .body("accepted", equalTo(1)).body("rejected", equalTo(11))
                .body("results[0].reason", equalTo("value 0.0 is impossible for HEART_RATE (possible: 20 to 300)"))
                .body("results[1].reason", equalTo("value 400.0 is impossible for HEART_RATE (possible: 20 to 300)"))
                .body("results[2].reason", equalTo("value 101.0 is impossible for SPO2 (possible: 50 to 100)"))
                .body("results[3].reason", equalTo("unknown device NO-SUCH-DEVICE"))
                .body("results[4].reason", equalTo("unknown type BLOOD_SUGAR"))
                .body("results[5].reason", equalTo("measuredAt is required"))
                .body("results[6].reason", equalTo("measuredAt must be an ISO-8601 time with offset"))
                .body("results[7].reason", equalTo("measuredAt is in the future (device clock ahead?)"))
                .body("results[8].reason", equalTo("unit bpm is not /min for HEART_RATE"))
                .body("results[9].reason", equalTo("a DOOR_SENSOR does not measure HEART_RATE"))
                .body("results[10].reason", equalTo("device " + inStock + " is not assigned to a resident"))
                .body("results[11].outcome", equalTo("ACCEPTED"))
                .body("results[11].reason", nullValue());
        assertEquals(1, storedFor(band));
        assertEquals(0, storedFor(door));
    }

    @Test
    void aBatchOverAThousandIsRefusedWhole() {
        String band = fixtures.device("SMART_BAND", fixtures.resident("천하나"));
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            batch.add(reading(band, "HEART_RATE", 70));
        }
        send(batch).statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("readings"));
        assertEquals(0, storedFor(band));

        send(batch.subList(0, 1000)).statusCode(202).body("accepted", equalTo(1000));
        assertEquals(1000, storedFor(band));
    }

    @Test
    void aBatchOfSeveralDevicesStoresEachReadingAsSentAndMovesEachDevicesHealth() {
        UUID residentId = fixtures.resident("여러기기");
        String band = fixtures.device("SMART_BAND", residentId);
        String inStock = fixtures.device("SMART_BAND", null);
        OffsetDateTime earlier = now().minusMinutes(10);
        OffsetDateTime later = now().minusMinutes(5);
        Map<String, Object> heart = reading(band, "HEART_RATE", 72.5, later);
        // Not in key order, and with a repeat: each result answers the reading at its own index.
        List<Map<String, Object>> batch = List.of(heart, reading(inStock, "BATTERY", 55, earlier),
                reading(band, "STEPS", 12, earlier), reading(inStock, "HEARTBEAT", 1, later), heart);

        send(batch).statusCode(202)
                .body("accepted", equalTo(4)).body("duplicates", equalTo(1)).body("rejected", equalTo(0))
                .body("results.outcome", contains("ACCEPTED", "ACCEPTED", "ACCEPTED", "ACCEPTED", "DUPLICATE"))
                .body("results.deviceSerial", contains(band, inStock, band, inStock, band))
                .body("results.sequence", contains(batch.stream().map(r -> ((Number) r.get("sequence")).intValue()).toArray()));

        // Every column as sent: a device in stock reports about itself, for no resident.
        Map<String, String> stored = new HashMap<>();
        pool.preparedQuery("""
                select type, device_serial || ' ' || coalesce(cast(resident_id as text), '-') || ' ' || value
                       || ' ' || to_char(measured_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS')
                from reading where device_serial in ($1, $2)""").execute(Tuple.of(band, inStock)).await().indefinitely()
                .forEach(row -> stored.put(row.getString(0), row.getString(1)));
        assertEquals(Map.of(
                "HEART_RATE", band + " " + residentId + " 72.5 " + utc(later),
                "STEPS", band + " " + residentId + " 12 " + utc(earlier),
                "BATTERY", inStock + " - 55 " + utc(earlier),
                "HEARTBEAT", inStock + " - 1 " + utc(later)), stored);

        // Each device's own last reading and battery (the band sent none).
        assertEquals(later.toInstant(), lastSeen(band));
        assertEquals(later.toInstant(), lastSeen(inStock));
        given().auth().oauth2(CARER).get("/api/care/devices/" + inStock).then().body("batteryPercent", equalTo(55));
        given().auth().oauth2(CARER).get("/api/care/devices/" + band).then().body("batteryPercent", nullValue());

        // A late reading from before is stored but does not move the band's last-seen time back.
        send(List.of(reading(band, "STEPS", 3, now().minusHours(1)))).statusCode(202).body("accepted", equalTo(1));
        assertEquals(later.toInstant(), lastSeen(band));
        send(batch).statusCode(202).body("accepted", equalTo(0)).body("duplicates", equalTo(5));
        assertEquals(3, storedFor(band));
        assertEquals(2, storedFor(inStock));
    }

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    private static String utc(OffsetDateTime time) {
        // Seconds always written, as to_char does: LocalDateTime.toString() drops ":00" on a whole minute.
        return SECONDS.format(time.withOffsetSameInstant(ZoneOffset.UTC));
    }

    private static Instant lastSeen(String serial) {
        return OffsetDateTime.parse(given().auth().oauth2(CARER).get("/api/care/devices/" + serial).then().statusCode(200)
                .extract().<String> path("lastSeenAt")).toInstant();
    }

    @Test
    void onlyADeviceHubSendsReadings() {
        String band = fixtures.device("SMART_BAND", fixtures.resident("권한"));
        Map<String, Object> body = Map.of("readings", List.of(reading(band, "SOS", 1)));
        for (String token : List.of(CARER, SUPERVISOR, FOUNDER, AGENCY)) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/care/readings").then()
                    .statusCode(403);
        }
        given().contentType(ContentType.JSON).body(body).post("/api/care/readings").then().statusCode(401);
        assertEquals(0, storedFor(band));
    }

    private long storedFor(String serial) {
        return pool.preparedQuery("select count(*) from reading where device_serial = $1").execute(Tuple.of(serial))
                .await().indefinitely().iterator().next().getLong(0);
    }
}
