package org.smarttown.resident.rrn;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.smarttown.commons.testing.TestTokens;
import org.smarttown.resident.config.RrnConfig;
import org.smarttown.resident.resident.Resident.Sex;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * After a key rotation an admin re-encrypts the numbers still under the retired key: in limited,
 * committed runs (resumable), leaving numbers under the active key alone (idempotent), with the
 * same numbers revealed afterwards.
 */
@QuarkusTest
class RrnKeyRotationTest {

    private static final String ADMIN = TestTokens.user("admin1", "admin");
    private static final String WELFARE = TestTokens.user("welfare1", "welfare-staff");

    @Inject
    Pool pool;

    /** The service as it was before the rotation: test1 active. */
    private static RrnProtector retired() {
        String key = ConfigProvider.getConfig().getValue("smarttown.rrn.keys.test1", String.class);
        String hmac = ConfigProvider.getConfig().getValue("smarttown.rrn.hmac-key", String.class);
        return new RrnProtector(new RrnConfig() {
            @Override
            public String activeKey() {
                return "test1";
            }

            @Override
            public Map<String, String> keys() {
                return Map.of("test1", key);
            }

            @Override
            public String hmacKey() {
                return hmac;
            }
        });
    }

    private String register(String rrn, LocalDate birth) {
        String body = """
                {"name":"회전%s","birthDate":"%s","sex":"F","rrn":"%s","address":{"dong":"두암동","complex":"회전단지"}}
                """.formatted(UUID.randomUUID().toString().substring(0, 6), birth, rrn);
        return given().auth().oauth2(WELFARE).contentType(ContentType.JSON).body(body).post("/api/residents").then()
                .statusCode(201).extract().path("id");
    }

    private Row stored(String id) {
        return pool.preparedQuery("select rrn_cipher, rrn_key_id, version from resident where id = $1")
                .execute(Tuple.of(UUID.fromString(id))).await().atMost(Duration.ofSeconds(10)).iterator().next();
    }

    private void store(String id, String cipher, String keyId) {
        pool.preparedQuery("update resident set rrn_cipher = $2, rrn_key_id = $3 where id = $1")
                .execute(Tuple.of(UUID.fromString(id), cipher, keyId)).await().atMost(Duration.ofSeconds(10));
    }

    private String reveal(String id) {
        return given().auth().oauth2(WELFARE).contentType(ContentType.JSON).body("{\"reason\":\"키 교체 확인\"}")
                .post("/api/residents/" + id + "/rrn-reveal").then().statusCode(200).extract().path("rrn");
    }

    @Test
    void numbersUnderTheRetiredKeyAreReencryptedInResumableIdempotentRuns() {
        RrnProtector before = retired();
        LocalDate birth = LocalDate.of(1950, 6, 15);
        int salt = 100_000 + (int) (Math.random() * 800_000);
        List<String> ids = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String rrn = "500615-2" + (salt + i);
            String id = register(rrn, birth);
            // As if registered before the rotation: encrypted under test1.
            store(id, before.encrypt(Rrn.parse(rrn, birth, Sex.F), UUID.fromString(id)), "test1");
            ids.add(id);
            numbers.add(rrn);
        }
        String current = register("500615-2" + (salt + 5), birth);
        String currentCipher = stored(current).getString("rrn_cipher");

        long remaining = given().auth().oauth2(ADMIN).get("/api/residents/rrn-keys").then().statusCode(200)
                .body("activeKey", equalTo("test2")).body("residentsByKey.test1", greaterThanOrEqualTo(3))
                .extract().<Number> path("remaining").longValue();
        assertTrue(remaining >= 3);

        given().auth().oauth2(ADMIN).queryParam("limit", 1).post("/api/residents/rrn-keys/re-encrypt").then()
                .statusCode(200).body("reencrypted", equalTo(1)).body("remaining", equalTo((int) remaining - 1));
        given().auth().oauth2(ADMIN).post("/api/residents/rrn-keys/re-encrypt").then().statusCode(200)
                .body("reencrypted", equalTo((int) remaining - 1)).body("remaining", equalTo(0));
        given().auth().oauth2(ADMIN).post("/api/residents/rrn-keys/re-encrypt").then().statusCode(200)
                .body("reencrypted", equalTo(0)).body("remaining", equalTo(0))
                .body("residentsByKey.test1", equalTo(null));

        for (int i = 0; i < ids.size(); i++) {
            Row row = stored(ids.get(i));
            assertTrue(row.getString("rrn_cipher").startsWith("test2:"), row.getString("rrn_cipher"));
            assertEquals("test2", row.getString("rrn_key_id"));
            assertEquals(0, row.getInteger("version"), "re-encryption is no change of the record");
            assertEquals(numbers.get(i), reveal(ids.get(i)));
        }
        assertEquals(currentCipher, stored(current).getString("rrn_cipher"), "a number under the active key is left alone");
        given().auth().oauth2(ADMIN).queryParam("actor", "admin1").get("/api/residents/access-log").then()
                .body("items.action", hasItem("RRN_REKEY"));
    }

    @Test
    void aNumberUnderAKeyNoLongerConfiguredStopsTheRunWithAClearConflict() {
        LocalDate birth = LocalDate.of(1951, 7, 16);
        String rrn = "510716-2" + (100_000 + (int) (Math.random() * 800_000));
        String id = register(rrn, birth);
        String cipher = stored(id).getString("rrn_cipher");
        store(id, "gone:" + cipher.substring(cipher.indexOf(':') + 1), "gone");
        try {
            given().auth().oauth2(ADMIN).post("/api/residents/rrn-keys/re-encrypt").then().statusCode(409)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:smarttown:problem:rrn-key-missing"))
                    .body("detail", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(rrn.substring(7))));
        } finally {
            store(id, cipher, "test2");
        }
        assertEquals(rrn, reveal(id));
    }

    @Test
    void onlyAdminsRotateAndLimitsAreBounded() {
        for (String token : List.of(WELFARE, TestTokens.user("supervisor1", "care-supervisor"))) {
            given().auth().oauth2(token).get("/api/residents/rrn-keys").then().statusCode(403);
            given().auth().oauth2(token).post("/api/residents/rrn-keys/re-encrypt").then().statusCode(403);
        }
        given().post("/api/residents/rrn-keys/re-encrypt").then().statusCode(401);
        for (String limit : List.of("0", "5001")) {
            given().auth().oauth2(ADMIN).queryParam("limit", limit).post("/api/residents/rrn-keys/re-encrypt").then()
                    .statusCode(400).contentType("application/problem+json");
        }
    }
}
