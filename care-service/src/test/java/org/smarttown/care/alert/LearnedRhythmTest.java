package org.smarttown.care.alert;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smarttown.care.Fixtures.CARER;
import static org.smarttown.care.Fixtures.SUPERVISOR;
import static org.smarttown.care.Fixtures.reading;
import static org.smarttown.care.Fixtures.send;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Test;
import org.smarttown.care.Fixtures;
import org.smarttown.care.profile.RhythmLearner;
import org.smarttown.commons.reactive.SafeContext;
import org.smarttown.commons.testing.QueryPlans;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.core.Vertx;

/**
 * Active hours and quiet period learned from a resident's own history, and inactivity judged by
 * them. The periodic scans and the learning job are off here: each test runs them as of a chosen
 * time, so that 03:00 and 11:00 can both be looked at.
 */
@QuarkusTest
@TestProfile(LearnedRhythmTest.NoScans.class)
class LearnedRhythmTest {

    public static class NoScans implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("care.detection.scan-enabled", "false");
        }
    }

    private static final ZoneOffset KST = ZoneOffset.ofHours(9);
    /** The day the rhythm is learned and judged on; its history is the days before it. */
    private static final LocalDate DAY = OffsetDateTime.now(KST).toLocalDate().minusDays(2);

    @Inject
    Fixtures fixtures;
    @Inject
    RhythmLearner learner;
    @Inject
    CareScanner scanner;
    @Inject
    BaselineStore baselines;
    @Inject
    Vertx vertx;
    @Inject
    Mutiny.SessionFactory factory;

    @Test
    void threeWeeksActiveFrom7To21GiveThoseHoursAndAQuietPeriodFromTheSilences() {
        UUID residentId = residentWithHistory("학습", 21);

        learnAsOf(DAY.atTime(3, 0));

        given().auth().oauth2(CARER).get("/api/care/profiles/" + residentId).then().statusCode(200)
                .body("rhythm.activeFrom", equalTo("07:00"))
                .body("rhythm.activeTo", equalTo("21:00"))
                // The longest silence of each day is 60 to 90 min (an afternoon nap of 45 to 80 min
                // between readings every 15 min); the 90th percentile, in quarter hours.
                .body("rhythm.quietPeriodMinutes", equalTo(90))
                .body("rhythm.own", equalTo(false))
                .body("rhythm.source", equalTo("LEARNED"))
                .body("rhythm.basis", equalTo("learned from 21 days of history"))
                .body("rhythm.learned.fromDays", equalTo(21))
                .body("rhythm.learned.activeFrom", equalTo("07:00"));
    }

    @Test
    void tooLittleHistoryKeepsTheDefault() {
        UUID residentId = residentWithHistory("짧은기록", 10);

        learnAsOf(DAY.atTime(3, 0));

        given().auth().oauth2(CARER).get("/api/care/profiles/" + residentId).then().statusCode(200)
                .body("rhythm.activeFrom", equalTo("07:00"))
                .body("rhythm.activeTo", equalTo("22:00"))
                .body("rhythm.quietPeriodMinutes", equalTo(240))
                .body("rhythm.source", equalTo("DEFAULT"))
                .body("rhythm.basis", equalTo("default"))
                .body("rhythm.learned", nullValue());
    }

    @Test
    void aRhythmSetByStaffIsNotOverwrittenByTheLearnedOne() {
        UUID residentId = residentWithHistory("직원설정", 21);
        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON)
                .body("{\"activeFrom\":\"06:30\",\"activeTo\":\"20:00\",\"quietPeriodMinutes\":120}")
                .patch("/api/care/profiles/" + residentId).then().statusCode(200);

        learnAsOf(DAY.atTime(3, 0));

        given().auth().oauth2(CARER).get("/api/care/profiles/" + residentId).then().statusCode(200)
                .body("rhythm.activeFrom", equalTo("06:30"))
                .body("rhythm.activeTo", equalTo("20:00"))
                .body("rhythm.quietPeriodMinutes", equalTo(120))
                .body("rhythm.source", equalTo("STAFF"))
                .body("rhythm.basis", equalTo("set by staff"))
                // What the history showed stays visible beside staff's choice.
                .body("rhythm.learned.activeTo", equalTo("21:00"))
                .body("rhythm.learned.quietPeriodMinutes", equalTo(90));
    }

    @Test
    void aSilenceAt3IsSleepForADayActiveResidentButAt11ItIsAnAlertNamingTheLearnedRhythm() {
        // Both last moved 370 min before they are judged: one at 20:50 the evening before 03:00,
        // the other at 04:50 before 11:00.
        UUID sleeping = residentWithHistory("밤", 21);
        UUID silent = residentWithHistory("낮", 21);
        String sensor = fixtures.device("ACTIVITY_SENSOR", silent);
        send(List.of(reading(sensor, "ACTIVITY", 3, DAY.atTime(4, 50).atOffset(KST)))).statusCode(202);
        learnAsOf(DAY.atTime(3, 0));

        scanAsOf(DAY.atTime(3, 0));
        given().auth().oauth2(CARER).queryParam("residentId", sleeping).queryParam("kind", "INACTIVITY")
                .get("/api/care/alerts").then().body("totalItems", equalTo(0));

        scanAsOf(DAY.atTime(11, 0));
        JsonPath alert = JsonPath.from(given().auth().oauth2(CARER).queryParam("residentId", silent)
                .queryParam("kind", "INACTIVITY").get("/api/care/alerts").then().statusCode(200)
                .body("totalItems", equalTo(1)).extract().asString()).setRootPath("items[0]");
        assertEquals("CRITICAL", alert.getString("level"));
        assertEquals("no activity, steps or door reading for 370 min (last at 04:50:00 KST)",
                alert.getString("explanation.seen"));
        assertEquals("quiet period 90 min during active hours 07:00–21:00 KST (learned from 21 days of history)",
                alert.getString("explanation.against"));
    }

    /**
     * The periodic jobs run the same statements every pass, so after a few passes Hibernate's plan
     * cache must stop growing (see {@link QueryPlans}): learning, the scans and the baseline refresh,
     * each pass a day or so later so that profiles are due and baselines stale again.
     */
    @Test
    void thePeriodicJobsAddNoQueryPlansPassAfterPass() {
        residentWithHistory("플랜", 21);
        UUID resident = fixtures.resident("플랜기준");
        String band = fixtures.device("SMART_BAND", resident);
        // A heart rate stores a baseline, for the refresh to compute again.
        send(List.of(reading(band, "HEART_RATE", 70))).statusCode(202).body("accepted", equalTo(1));
        for (int day = 0; day < 2; day++) {
            jobsAsOf(day);
        }
        int before = QueryPlans.cached(factory);
        int passes = 10;
        for (int day = 2; day < 2 + passes; day++) {
            jobsAsOf(day);
        }
        int added = QueryPlans.cached(factory) - before;
        assertTrue(added < 3, passes + " more passes of the periodic jobs added " + added + " query plans");
    }

    private void jobsAsOf(int day) {
        // 25 hours apart, not 24: a profile learned at one pass is due again (last checked more than a
        // day before) at the next, so every pass runs the learner's queries.
        int learned = SafeContext.run(vertx, () -> learner.learnDue(DAY.atTime(3, 0).plusHours(25L * day).atOffset(KST)))
                .await().indefinitely();
        assertTrue(learned > 0, "pass " + day + " learned no rhythm");
        scanAsOf(DAY.atTime(11, 0).plusDays(day));
        SafeContext.run(vertx, () -> scanner.scan()).await().indefinitely();
        SafeContext.run(vertx, () -> baselines.refreshStale(OffsetDateTime.now(ZoneOffset.UTC).plusDays(1 + day)))
                .await().indefinitely();
    }

    /**
     * A resident with an activity sensor that reported every 15 min from 07:05 to 20:50 on each of
     * the {@code days} days before {@link #DAY}, except for one afternoon silence of 45 to 80 min.
     */
    private UUID residentWithHistory(String name, int days) {
        UUID residentId = fixtures.resident(name);
        String sensor = fixtures.device("ACTIVITY_SENSOR", residentId);
        List<Map<String, Object>> readings = new ArrayList<>();
        for (int d = 1; d <= days; d++) {
            LocalDate day = DAY.minusDays(d);
            LocalTime napFrom = LocalTime.of(13, 0);
            LocalTime napTo = napFrom.plusMinutes(45 + 5L * (d % 8));
            for (LocalTime t = LocalTime.of(7, 5); !t.isAfter(LocalTime.of(20, 50)); t = t.plusMinutes(15)) {
                if (!t.isBefore(napFrom) && t.isBefore(napTo)) {
                    continue;
                }
                readings.add(reading(sensor, "ACTIVITY", 3, day.atTime(t).atOffset(KST)));
            }
        }
        for (int i = 0; i < readings.size(); i += 1000) {
            send(readings.subList(i, Math.min(readings.size(), i + 1000))).statusCode(202);
        }
        return residentId;
    }

    /** The learning job's pass, as of a time (KST). */
    private void learnAsOf(java.time.LocalDateTime at) {
        SafeContext.run(vertx, () -> learner.learnDue(at.atOffset(KST))).await().indefinitely();
    }

    /** The inactivity scan's pass, as of a time (KST). */
    private void scanAsOf(java.time.LocalDateTime at) {
        SafeContext.run(vertx, () -> Panache.withTransaction(() -> scanner.inactivity(at.atOffset(KST))))
                .await().indefinitely();
    }
}
