package org.smarttown.care.alert;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.smarttown.care.Fixtures.CARER;
import static org.smarttown.care.Fixtures.SUPERVISOR;
import static org.smarttown.care.Fixtures.now;
import static org.smarttown.care.Fixtures.reading;
import static org.smarttown.care.Fixtures.send;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smarttown.care.Fixtures;
import org.smarttown.commons.reactive.SafeContext;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.core.Vertx;

/** One test per detection rule, each driven by readings sent through the HTTP API. */
@QuarkusTest
class DetectionTest {

    @Inject
    Fixtures fixtures;
    @Inject
    BaselineStore baselines;
    @Inject
    Vertx vertx;

    @ParameterizedTest
    @CsvSource({ "SOS,EMERGENCY_BUTTON", "FALL,SMART_BAND", "SMOKE,FIRE_SENSOR", "GAS,GAS_SENSOR" })
    void anEmergencyEventRaisesACriticalAlertAtOnce(String type, String deviceType) {
        UUID residentId = fixtures.resident("응급" + type);
        String device = fixtures.device(deviceType, residentId);
        send(List.of(reading(device, type, 1))).statusCode(202);

        JsonPath alert = onlyAlert(residentId, type);
        assertEquals("CRITICAL", alert.getString("level"));
        assertEquals("RAISED", alert.getString("status"));
        assertEquals("EMERGENCY_EVENT", alert.getString("explanation.rule"));
        assertContains(alert.getString("explanation.seen"), type + " reported by " + device + " at ", " KST");
        assertEquals("every " + type + " is an emergency", alert.getString("explanation.against"));
    }

    @Test
    void repeatsGroupIntoTheOpenAlertWithACount() {
        UUID residentId = fixtures.resident("반복SOS");
        String button = fixtures.device("EMERGENCY_BUTTON", residentId);
        send(List.of(reading(button, "SOS", 1))).statusCode(202);
        send(List.of(reading(button, "SOS", 1), reading(button, "SOS", 1))).statusCode(202);

        JsonPath alert = onlyAlert(residentId, "SOS");
        assertEquals(3, alert.getInt("occurrences"));
    }

    @Test
    void aHeartRateOverTheClinicalLimitIsAWarningWhileThereIsLittleHistory() {
        UUID residentId = fixtures.resident("빈맥");
        String band = fixtures.device("SMART_BAND", residentId);
        send(List.of(reading(band, "HEART_RATE", 142))).statusCode(202);

        JsonPath alert = onlyAlert(residentId, "HEART_RATE");
        assertEquals("WARNING", alert.getString("level"));
        assertEquals("VITAL_CLINICAL_LIMIT", alert.getString("explanation.rule"));
        assertContains(alert.getString("explanation.seen"), "heart rate 142 /min", "at rest");
        assertContains(alert.getString("explanation.against"), "clinical limit over 130 /min",
                "personal baseline not learned yet (0 of 20 readings)");
        assertContains(alert.getString("explanation.window"), "1 of 1 readings in the last 5 min above");
    }

    @Test
    void aSustainedHighHeartRateIsCritical() {
        UUID residentId = fixtures.resident("지속빈맥");
        String band = fixtures.device("SMART_BAND", residentId);
        OffsetDateTime now = now();
        send(List.of(reading(band, "HEART_RATE", 145, now.minusMinutes(4)),
                reading(band, "HEART_RATE", 150, now.minusMinutes(2)), reading(band, "HEART_RATE", 148, now)))
                .statusCode(202);

        JsonPath alert = onlyAlert(residentId, "HEART_RATE");
        assertEquals("CRITICAL", alert.getString("level"));
        assertContains(alert.getString("explanation.window"), "3 readings in the last 5 min, all above: sustained");
    }

    @Test
    void aFastHeartWhileWalkingRaisesNothing() {
        UUID residentId = fixtures.resident("산책");
        String band = fixtures.device("SMART_BAND", residentId);
        send(List.of(reading(band, "STEPS", 90, now().minusMinutes(3)), reading(band, "HEART_RATE", 140)))
                .statusCode(202).body("accepted", equalTo(2));

        given().auth().oauth2(CARER).queryParam("residentId", residentId).queryParam("kind", "HEART_RATE")
                .get("/api/care/alerts").then().body("totalItems", equalTo(0));
    }

    @Test
    void aLowSpo2IsAWarningAgainstTheClinicalLimit() {
        UUID residentId = fixtures.resident("저산소");
        String band = fixtures.device("SMART_BAND", residentId);
        send(List.of(reading(band, "SPO2", 87))).statusCode(202);

        JsonPath alert = onlyAlert(residentId, "SPO2");
        assertEquals("WARNING", alert.getString("level"));
        assertContains(alert.getString("explanation.against"), "clinical limit under 90 %");
    }

    @Test
    void aHeartRateUnusualForThisResidentIsAWarningOnceTheirBaselineIsLearned() {
        UUID residentId = fixtures.resident("기준선");
        String band = fixtures.device("SMART_BAND", residentId);
        List<Map<String, Object>> history = new ArrayList<>();
        OffsetDateTime start = now().minusDays(3);
        for (int i = 0; i < 30; i++) {
            history.add(reading(band, "HEART_RATE", 54 + i % 3, start.plusHours(i)));
        }
        send(history).statusCode(202).body("accepted", equalTo(30));
        given().auth().oauth2(CARER).queryParam("residentId", residentId).queryParam("kind", "HEART_RATE")
                .get("/api/care/alerts").then().body("totalItems", equalTo(0));

        // 62 is inside this resident's range (55 ± 4 × 4); 85 is far above it, yet under 130.
        send(List.of(reading(band, "HEART_RATE", 62, now().minusMinutes(20)))).statusCode(202);
        given().auth().oauth2(CARER).queryParam("residentId", residentId).queryParam("kind", "HEART_RATE")
                .get("/api/care/alerts").then().body("totalItems", equalTo(0));
        send(List.of(reading(band, "HEART_RATE", 85))).statusCode(202);

        JsonPath alert = onlyAlert(residentId, "HEART_RATE");
        assertEquals("WARNING", alert.getString("level"));
        assertEquals("VITAL_PERSONAL_BASELINE", alert.getString("explanation.rule"));
        assertContains(alert.getString("explanation.against"), "personal range 39–71 /min (median 55 ± 4 × 4",
                "learned from 31 readings");
    }

    @Test
    void theStoredBaselineFollowsTheHistoryOnceTheRefreshJobComputesItAgain() {
        UUID residentId = fixtures.resident("기준선갱신");
        String band = fixtures.device("SMART_BAND", residentId);
        List<Map<String, Object>> usual = new ArrayList<>();
        List<Map<String, Object>> higher = new ArrayList<>();
        OffsetDateTime start = now().minusDays(3);
        for (int i = 0; i < 30; i++) {
            usual.add(reading(band, "HEART_RATE", 54 + i % 3, start.plusHours(i)));
            higher.add(reading(band, "HEART_RATE", 79 + i % 3, start.plusDays(1).plusHours(i)));
        }
        send(usual).statusCode(202);
        send(List.of(reading(band, "HEART_RATE", 62, now().minusMinutes(20)))).statusCode(202);
        // Judged against the baseline stored from the first 30 readings (55 ± 4 × 4): all above it.
        send(higher).statusCode(202);
        JsonPath before = onlyAlert(residentId, "HEART_RATE");
        assertContains(before.getString("explanation.against"), "(median 55 ± 4 × 4, learned from 31 readings)");

        SafeContext.run(vertx, () -> baselines.refreshStale(OffsetDateTime.now().plusHours(2))).await().indefinitely();

        // 125 is under the clinical limit; it is out of the refreshed range only because the
        // recomputed median and spread now include the higher readings.
        send(List.of(reading(band, "HEART_RATE", 125))).statusCode(202);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertContains(onlyAlert(residentId, "HEART_RATE")
                .getString("explanation.against"),
                "personal range 14.6–109.4 /min (median 62 ± 4 × 11.9, learned from 61 readings)"));
    }

    @Test
    void noActivityPastTheQuietPeriodIsAWarningThenCritical() {
        UUID warned = inactiveFor(90);
        UUID critical = inactiveFor(150);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(CARER)
                .queryParam("residentId", warned).queryParam("kind", "INACTIVITY").get("/api/care/alerts").then()
                .body("totalItems", equalTo(1)));
        JsonPath alert = onlyAlert(warned, "INACTIVITY");
        assertEquals("WARNING", alert.getString("level"));
        assertContains(alert.getString("explanation.seen"), "no activity, steps or door reading for 90 min");
        assertContains(alert.getString("explanation.against"),
                "quiet period 60 min during active hours 00:00–00:00 KST (set by staff)");
        assertEquals("WARNING past 60 min, CRITICAL past 120 min", alert.getString("explanation.window"));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(CARER)
                .queryParam("residentId", critical).queryParam("kind", "INACTIVITY").get("/api/care/alerts").then()
                .body("items[0].level", equalTo("CRITICAL")));
    }

    /** A resident, active all day with a 60-minute quiet period, last seen moving some minutes ago. */
    private UUID inactiveFor(int minutes) {
        UUID residentId = fixtures.resident("움직임없음" + minutes);
        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON)
                .body("{\"activeFrom\":\"00:00\",\"activeTo\":\"00:00\",\"quietPeriodMinutes\":60}")
                .patch("/api/care/profiles/" + residentId).then().statusCode(200);
        String sensor = fixtures.device("ACTIVITY_SENSOR", residentId);
        send(List.of(reading(sensor, "ACTIVITY", 3, now().minusMinutes(minutes)))).statusCode(202);
        return residentId;
    }

    @Test
    void aLowBatteryIsATechnicalAlert() {
        UUID residentId = fixtures.resident("배터리");
        String band = fixtures.device("SMART_BAND", residentId);
        send(List.of(reading(band, "BATTERY", 12))).statusCode(202);

        JsonPath alert = onlyAlert(residentId, "LOW_BATTERY");
        assertEquals("TECHNICAL", alert.getString("level"));
        assertContains(alert.getString("explanation.seen"), "battery 12 % on " + band);
        assertEquals("under 15 %", alert.getString("explanation.against"));
    }

    @Test
    void aDeviceSilentPastItsHeartbeatIsATechnicalAlert() {
        UUID residentId = fixtures.resident("무응답");
        String door = fixtures.device("DOOR_SENSOR", residentId);
        send(List.of(reading(door, "HEARTBEAT", 1, now().minusMinutes(12)))).statusCode(202);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(CARER)
                .queryParam("residentId", residentId).queryParam("kind", "DEVICE_SILENT").get("/api/care/alerts")
                .then().body("totalItems", equalTo(1)));
        JsonPath alert = JsonPath.from(given().auth().oauth2(CARER).queryParam("residentId", residentId)
                .queryParam("kind", "DEVICE_SILENT").get("/api/care/alerts").asString()).setRootPath("items[0]");
        assertEquals("TECHNICAL", alert.getString("level"));
        assertContains(alert.getString("explanation.seen"), door + " (DOOR_SENSOR) last heard at");
        assertEquals("heartbeat expected every 300 s", alert.getString("explanation.against"));
        assertContains(alert.getString("explanation.window"), "silent for 12 min");
        given().auth().oauth2(CARER).get("/api/care/devices/" + door).then().body("health", equalTo("SILENT"));
    }

    /**
     * The one alert of a kind for a resident (waiting briefly for scans). By kind, because a test
     * that sends readings from the past may rightly also see its device reported silent.
     */
    private JsonPath onlyAlert(UUID residentId, String kind) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(CARER)
                .queryParam("residentId", residentId).queryParam("kind", kind).get("/api/care/alerts").then()
                .statusCode(200).body("totalItems", equalTo(1)));
        return JsonPath.from(given().auth().oauth2(CARER).queryParam("residentId", residentId).queryParam("kind", kind)
                .get("/api/care/alerts").asString()).setRootPath("items[0]");
    }

    private static void assertContains(String actual, String... parts) {
        for (String part : parts) {
            org.hamcrest.MatcherAssert.assertThat(actual, containsString(part));
        }
    }
}
