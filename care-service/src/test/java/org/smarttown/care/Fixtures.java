package org.smarttown.care;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import org.smarttown.care.profile.ResidentEvents;
import org.smarttown.commons.testing.TestTokens;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Residents, devices and readings made the way production makes them: events and HTTP. */
@ApplicationScoped
public class Fixtures {

    public static final String CARER = TestTokens.user("carer1", "care-worker");
    public static final String SUPERVISOR = TestTokens.user("supervisor1", "care-supervisor", "care-worker");
    public static final String FOUNDER = TestTokens.user("founder1", "founder");
    public static final String AGENCY = TestTokens.agency("agency-a", "agency-a");
    /** A device hub's client-credentials token, shaped like Keycloak's service-account tokens. */
    public static final String HUB = OidcWiremockTestResource.generateJwtToken("service-account-device-hub",
            Set.of("device-hub"), "client-device-hub", "Bearer", Set.of(TestTokens.AUDIENCE), Map.of("azp", "device-hub"));

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final ResidentEvents events;

    public Fixtures(ResidentEvents events) {
        this.events = events;
    }

    /** A resident in care, opened through resident-service's event. */
    public UUID resident(String name) {
        UUID residentId = UUID.randomUUID();
        events.send(ResidentEvents.registered(residentId, name, true));
        // Generous: the first event of a run may wait for a JVM still warming up on a busy machine.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(CARER)
                .get("/api/care/profiles/" + residentId).then().statusCode(200));
        return residentId;
    }

    /** Many residents in care at once: every event sent first, then each profile awaited. */
    public List<UUID> residents(String prefix, int count) {
        List<UUID> ids = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID residentId = UUID.randomUUID();
            events.send(ResidentEvents.registered(residentId, prefix + i, true));
            ids.add(residentId);
        }
        for (UUID residentId : ids) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(CARER)
                    .get("/api/care/profiles/" + residentId).then().statusCode(200));
        }
        return ids;
    }

    /** A registered device with a fresh serial, installed for the resident (or in stock when null). */
    public String device(String type, UUID residentId) {
        String serial = type.substring(0, 2) + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON)
                .body(Map.of("serial", serial, "type", type, "firmware", "1.0.3", "heartbeatIntervalSeconds", 300))
                .post("/api/care/devices").then().statusCode(201);
        if (residentId != null) {
            given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON).body(Map.of("residentId", residentId))
                    .post("/api/care/devices/" + serial + "/assign").then().statusCode(200);
        }
        return serial;
    }

    /** One reading with a fresh sequence number. */
    public static Map<String, Object> reading(String serial, String type, Object value, OffsetDateTime measuredAt) {
        Map<String, Object> reading = new LinkedHashMap<>();
        reading.put("deviceSerial", serial);
        reading.put("type", type);
        reading.put("value", value);
        reading.put("measuredAt", measuredAt.toString());
        reading.put("sequence", SEQUENCE.incrementAndGet());
        return reading;
    }

    public static Map<String, Object> reading(String serial, String type, Object value) {
        return reading(serial, type, value, now());
    }

    /** Sends a batch as a hub does; the caller checks the answer. */
    public static ValidatableResponse send(List<Map<String, Object>> readings) {
        return given().auth().oauth2(HUB).contentType(ContentType.JSON).body(Map.of("readings", readings))
                .post("/api/care/readings").then();
    }

    public static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.ofHours(9)).withNano(0);
    }
}
