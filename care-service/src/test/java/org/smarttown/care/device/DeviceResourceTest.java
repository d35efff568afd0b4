package org.smarttown.care.device;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.smarttown.care.Fixtures.AGENCY;
import static org.smarttown.care.Fixtures.CARER;
import static org.smarttown.care.Fixtures.FOUNDER;
import static org.smarttown.care.Fixtures.HUB;
import static org.smarttown.care.Fixtures.SUPERVISOR;
import static org.smarttown.care.Fixtures.reading;
import static org.smarttown.care.Fixtures.send;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.smarttown.care.Fixtures;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class DeviceResourceTest {

    @Inject
    Fixtures fixtures;

    @Test
    void anInstalledDeviceShowsItsHealthFromItsReadings() {
        UUID residentId = fixtures.resident("건강");
        String serial = fixtures.device("SMART_BAND", null);
        given().auth().oauth2(CARER).get("/api/care/devices/" + serial).then()
                .statusCode(200).body("health", equalTo("NEVER_SEEN")).body("residentId", nullValue());

        given().auth().oauth2(CARER).contentType(ContentType.JSON).body(Map.of("residentId", residentId))
                .post("/api/care/devices/" + serial + "/assign").then()
                .statusCode(200).body("residentId", equalTo(residentId.toString())).body("installedAt", notNullValue());
        send(List.of(reading(serial, "HEARTBEAT", 1), reading(serial, "BATTERY", 80))).statusCode(202);
        given().auth().oauth2(CARER).get("/api/care/devices/" + serial).then()
                .body("health", equalTo("OK")).body("batteryPercent", equalTo(80)).body("lastSeenAt", notNullValue());

        send(List.of(reading(serial, "BATTERY", 9))).statusCode(202);
        given().auth().oauth2(CARER).queryParam("residentId", residentId).queryParam("health", "LOW_BATTERY")
                .get("/api/care/devices").then()
                .statusCode(200).body("items.serial", contains(serial)).body("items[0].batteryPercent", equalTo(9));
        given().auth().oauth2(CARER).queryParam("residentId", residentId).queryParam("health", "OK")
                .get("/api/care/devices").then().body("totalItems", equalTo(0));
    }

    @Test
    void aSerialIsRegisteredOnce() {
        String serial = fixtures.device("EMERGENCY_BUTTON", null);
        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON)
                .body(Map.of("serial", serial, "type", "SMART_BAND", "heartbeatIntervalSeconds", 300))
                .post("/api/care/devices").then()
                .statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:smarttown:problem:device-exists"));
        given().auth().oauth2(CARER).get("/api/care/devices/" + serial).then().body("type", equalTo("EMERGENCY_BUTTON"));
    }

    @Test
    void aDeviceServesOneResidentAtATime() {
        UUID first = fixtures.resident("첫째");
        UUID second = fixtures.resident("둘째");
        String serial = fixtures.device("DOOR_SENSOR", first);

        given().auth().oauth2(CARER).contentType(ContentType.JSON).body(Map.of("residentId", second))
                .post("/api/care/devices/" + serial + "/assign").then()
                .statusCode(409).body("type", equalTo("urn:smarttown:problem:device-assigned"));
        given().auth().oauth2(CARER).post("/api/care/devices/" + serial + "/unassign").then()
                .statusCode(200).body("residentId", nullValue());
        given().auth().oauth2(CARER).contentType(ContentType.JSON).body(Map.of("residentId", second))
                .post("/api/care/devices/" + serial + "/assign").then()
                .statusCode(200).body("residentId", equalTo(second.toString()));
    }

    @Test
    void aDeviceCannotBeInstalledForSomeoneNotInCare() {
        String serial = fixtures.device("SMART_BAND", null);
        given().auth().oauth2(CARER).contentType(ContentType.JSON).body(Map.of("residentId", UUID.randomUUID()))
                .post("/api/care/devices/" + serial + "/assign").then().statusCode(404);
        given().auth().oauth2(CARER).get("/api/care/devices/" + serial).then().body("residentId", nullValue());
    }

    @Test
    void aBadDeviceIsRefusedAndNothingIsStored() {
        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON)
                .body(Map.of("serial", "bad serial!", "type", "SMART_BAND", "heartbeatIntervalSeconds", 5))
                .post("/api/care/devices").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("serial", "heartbeatIntervalSeconds"));
        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON)
                .body(Map.of("serial", "XX-1", "type", "TOASTER", "heartbeatIntervalSeconds", 300))
                .post("/api/care/devices").then().statusCode(400);
        given().auth().oauth2(CARER).get("/api/care/devices/XX-1").then().statusCode(404);
    }

    @Test
    void aSerialOrFilterNoDeviceCanHaveIsABadRequestNotAnError() {
        // %00 once reached PostgreSQL, which refuses a NUL in text: the caller got a 500.
        for (String path : List.of("/api/care/devices/%00", "/api/care/devices/bad%20serial!", "/api/care/visits?assignedTo=%00")) {
            given().auth().oauth2(SUPERVISOR).urlEncodingEnabled(false).get(path).then()
                    .statusCode(400).contentType("application/problem+json");
        }
        given().auth().oauth2(SUPERVISOR).urlEncodingEnabled(false).post("/api/care/devices/AB%00C/unassign").then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItems("serial"));
        given().auth().oauth2(SUPERVISOR).urlEncodingEnabled(false).get("/api/care/visits?assignedTo=%00").then()
                .body("errors.field", hasItems("assignedTo"));
    }

    @Test
    void devicesAreForCareStaffOnly() {
        String serial = fixtures.device("SMART_BAND", null);
        Map<String, Object> body = Map.of("serial", "NO-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(),
                "type", "SMART_BAND", "heartbeatIntervalSeconds", 300);
        for (String token : List.of(HUB, FOUNDER, AGENCY)) {
            given().auth().oauth2(token).get("/api/care/devices").then().statusCode(403);
            given().auth().oauth2(token).get("/api/care/devices/" + serial).then().statusCode(403);
            given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/care/devices").then()
                    .statusCode(403);
            given().auth().oauth2(token).post("/api/care/devices/" + serial + "/unassign").then().statusCode(403);
        }
        given().get("/api/care/devices").then().statusCode(401);
        given().contentType(ContentType.JSON).body(body).post("/api/care/devices").then().statusCode(401);
    }
}
