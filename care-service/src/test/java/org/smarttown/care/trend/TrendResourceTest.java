package org.smarttown.care.trend;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.smarttown.care.Fixtures.CARER;
import static org.smarttown.care.Fixtures.FOUNDER;
import static org.smarttown.care.Fixtures.HUB;
import static org.smarttown.care.Fixtures.reading;
import static org.smarttown.care.Fixtures.send;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.smarttown.care.Fixtures;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class TrendResourceTest {

    @Inject
    Fixtures fixtures;

    @Test
    void vitalsAreDownsampledIntoBuckets() {
        UUID residentId = fixtures.resident("추세");
        String band = fixtures.device("SMART_BAND", residentId);
        OffsetDateTime hour = OffsetDateTime.parse("2026-11-20T09:00:00+09:00");
        send(List.of(reading(band, "HEART_RATE", 60, hour.plusMinutes(1)), reading(band, "HEART_RATE", 70, hour.plusMinutes(20)),
                reading(band, "HEART_RATE", 80, hour.plusMinutes(59)), reading(band, "HEART_RATE", 90, hour.plusMinutes(61)),
                reading(band, "SPO2", 97, hour.plusMinutes(5)))).statusCode(202);

        given().auth().oauth2(CARER).queryParam("type", "HEART_RATE").queryParam("from", "2026-11-20T09:00:00+09:00")
                .queryParam("to", "2026-11-20T12:00:00+09:00").queryParam("step", "PT1H")
                .get("/api/care/residents/" + residentId + "/vitals").then()
                .statusCode(200)
                .body("unit", equalTo("/min"))
                .body("buckets", hasSize(2))
                .body("buckets.count", contains(3, 1))
                .body("buckets[0].min", equalTo(60.0f)).body("buckets[0].max", equalTo(80.0f))
                .body("buckets[0].mean", equalTo(70.0f))
                .body("buckets[0].start", equalTo("2026-11-20T09:00:00+09:00"))
                .body("buckets[1].start", equalTo("2026-11-20T10:00:00+09:00"));
    }

    @Test
    void aBadTrendRequestIsA400() {
        UUID residentId = fixtures.resident("잘못된추세");
        String path = "/api/care/residents/" + residentId + "/vitals";
        given().auth().oauth2(CARER).get(path).then().statusCode(400);
        given().auth().oauth2(CARER).queryParam("type", "SOS").get(path).then().statusCode(400);
        given().auth().oauth2(CARER).queryParam("type", "HEART_RATE").queryParam("step", "PT1S").get(path).then()
                .statusCode(400);
        given().auth().oauth2(CARER).queryParam("type", "HEART_RATE").queryParam("step", "soon").get(path).then()
                .statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(CARER).queryParam("type", "HEART_RATE").queryParam("from", "2026-01-01T00:00:00Z")
                .queryParam("to", "2026-12-31T00:00:00Z").queryParam("step", "PT1M").get(path).then().statusCode(400);
        given().auth().oauth2(CARER).queryParam("type", "HEART_RATE").get("/api/care/residents/" + UUID.randomUUID()
                + "/vitals").then().statusCode(404);
    }

    @Test
    void trendsAreForCareStaffOnly() {
        UUID residentId = fixtures.resident("추세권한");
        for (String token : List.of(HUB, FOUNDER, Fixtures.AGENCY)) {
            given().auth().oauth2(token).queryParam("type", "HEART_RATE")
                    .get("/api/care/residents/" + residentId + "/vitals").then().statusCode(403);
        }
        given().queryParam("type", "HEART_RATE").get("/api/care/residents/" + residentId + "/vitals").then()
                .statusCode(401);
    }
}
