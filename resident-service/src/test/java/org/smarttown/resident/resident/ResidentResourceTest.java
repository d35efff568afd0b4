package org.smarttown.resident.resident;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.smarttown.commons.testing.TestTokens;
import org.smarttown.resident.rrn.RrnProtector;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
class ResidentResourceTest {

    @Inject
    Pool pool;

    @Inject
    ObjectMapper mapper;

    @Inject
    RrnProtector rrns;

    @TestHTTPResource("/api/residents")
    URI residents;

    static final String WELFARE = TestTokens.user("welfare1", "welfare-staff");
    static final String CARER = TestTokens.user("carer1", "care-worker");
    static final String FOUNDER = TestTokens.user("founder1", "founder");

    static String body(String name) {
        return """
                {"name":"%s","birthDate":"1945-03-02","sex":"F","phone":"010-1234-5678",
                 "address":{"dong":"두암동","complex":"두암주공2단지","building":"201","unit":"1103"},
                 "consents":[{"purpose":"CARE_SERVICES","given":true}]}
                """.formatted(name);
    }

    static Response register(String body) {
        return given().auth().oauth2(WELFARE).contentType(ContentType.JSON).body(body).post("/api/residents");
    }

    @Test
    void welfareStaffRegisterAResidentAndCareWorkersCanReadIt() {
        Response created = register(body("김순자").replace("\"sex\"", "\"assignedCareWorker\":\"carer1\",\"sex\""));
        created.then().statusCode(201)
                .header("Location", startsWith("/api/residents/"))
                .body("name", equalTo("김순자"))
                .body("address.complex", equalTo("두암주공2단지"))
                .body("careConsent", equalTo(true))
                .body("status", equalTo("ACTIVE"));

        given().auth().oauth2(CARER).get(created.header("Location")).then()
                .statusCode(200)
                .body("id", equalTo(created.path("id")))
                .body("birthDate", equalTo("1945-03-02"));
    }

    @Test
    void aRetriedRegistrationWithTheSameIdempotencyKeyRegistersOnce() throws Exception {
        long before = total();
        String key = UUID.randomUUID().toString();
        String rrn = RrnProtectionTest.freshRrn();
        String body = RrnProtectionTest.withRrn(body("재시도"), rrn);
        Response first = given().auth().oauth2(WELFARE).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body).post("/api/residents");
        first.then().statusCode(201);

        given().auth().oauth2(WELFARE).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post("/api/residents").then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .header("Location", equalTo(first.header("Location")))
                .body("id", equalTo(first.path("id")))
                .body("rrnMasked", equalTo("450302-2******"));
        assertTotal(before + 1);
        given().auth().oauth2(WELFARE).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body.replace("재시도", "다른사람")).post("/api/residents").then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:smarttown:problem:idempotency-key-reused"));
        // What the key keeps holds no registration number: the answer shows it masked, and the request's
        // digest is taken with the number's keyed hash in its place (a plain digest could be reversed
        // by trying the million numbers that fit the birth date and sex).
        Row kept = pool.preparedQuery("select request_hash, body from idempotency_key where key = $1")
                .execute(Tuple.of(key)).await().indefinitely().iterator().next();
        org.junit.jupiter.api.Assertions.assertFalse(kept.getString("body").contains(rrn.substring(7)));
        ResidentRequest sent = mapper.readValue(body, ResidentRequest.class);
        org.junit.jupiter.api.Assertions.assertNotEquals(sha256(mapper.writeValueAsBytes(sent)), kept.getString("request_hash"));
        assertEquals(sha256(mapper.writeValueAsBytes(sent.withRrn(rrns.fingerprint(rrn)))),
                kept.getString("request_hash"));
        assertTotal(before + 1);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void aRequestWithoutATokenIsRefusedWith401() {
        given().contentType(ContentType.JSON).body(body("무토큰")).post("/api/residents").then()
                .statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"));
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        given().auth().oauth2(TestTokens.foreignAudience("welfare1", "welfare-staff"))
                .get("/api/residents").then().statusCode(401);
    }

    @Test
    void aFounderMayNotRegisterResidents() {
        given().auth().oauth2(FOUNDER).contentType(ContentType.JSON).body(body("권한없음"))
                .post("/api/residents").then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:smarttown:problem:forbidden"));
    }

    @Test
    void malformedJsonIsA400ProblemAndStoresNothing() {
        long before = total();
        register("{\"name\": \"김순자\", ").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:smarttown:problem:malformed-json"))
                .body("status", equalTo(400))
                .body(not(containsString("Exception")));
        assertTotal(before);
    }

    @Test
    void aSearchForAControlCharacterIsABadRequestNotAnError() {
        // A NUL in the search once reached PostgreSQL, which refuses it in text: the caller got a 500.
        given().auth().oauth2(WELFARE).urlEncodingEnabled(false).get("/api/residents?q=%00").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("q"));
        given().auth().oauth2(WELFARE).urlEncodingEnabled(false).get("/api/residents?q=%E2%80%AE").then().statusCode(400);
        given().auth().oauth2(WELFARE).urlEncodingEnabled(false).get("/api/residents?q=%EA%B9%80").then().statusCode(200);
    }

    @Test
    void aWrongTypeNamesTheField() {
        register(body("김순자").replace("\"1945-03-02\"", "\"last spring\"")).then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("birthDate"))
                .body(not(containsString("com.fasterxml")));
    }

    @Test
    void anUnknownEnumValueIsA400WithTheAllowedValues() {
        register(body("김순자").replace("\"sex\":\"F\"", "\"sex\":\"X\"")).then()
                .statusCode(400)
                .body("errors[0].field", equalTo("sex"))
                .body("errors[0].message", containsString("F"));
    }

    @Test
    void missingAndInvalidFieldsAreAllListed() {
        register("""
                {"name":" ","birthDate":"2999-01-01","sex":"F","phone":"12345","address":{"dong":"두암동"}}
                """).then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:smarttown:problem:validation"))
                .body("errors.field", hasItems("name", "birthDate", "phone", "address.complex"));
    }

    @Test
    void anEmptyBodyIsA400() {
        given().auth().oauth2(WELFARE).contentType(ContentType.JSON).post("/api/residents").then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413() throws Exception {
        String huge = body("김".repeat(800_000));
        // Sent as a client sends a large body, asking first (Expect: 100-continue): the service refuses
        // it by its declared length and closes the connection, and a client already writing the body
        // could meet that closed connection before it reads the answer.
        HttpResponse<String> refused = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(HttpRequest.newBuilder(residents).expectContinue(true)
                        .header("Authorization", "Bearer " + WELFARE).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(huge)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(413, refused.statusCode());
    }

    @Test
    void anUnknownPathIsA404Problem() {
        given().auth().oauth2(WELFARE).get("/api/nothing-here").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:smarttown:problem:not-found"));
    }

    @Test
    void anUnknownResidentIsA404Problem() {
        given().auth().oauth2(WELFARE).get("/api/residents/8d0b1a52-4f8e-4c5e-9b7a-111111111111").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("8d0b1a52-4f8e-4c5e-9b7a-111111111111"));
    }

    @Test
    void listsArePagedAndRefuseOversizedPages() {
        register(body("페이지"));
        given().auth().oauth2(WELFARE).queryParam("size", 1).get("/api/residents").then()
                .statusCode(200)
                .body("items.size()", equalTo(1))
                .body("size", equalTo(1));
        given().auth().oauth2(WELFARE).queryParam("size", 1000).get("/api/residents").then()
                .statusCode(400)
                .body("errors.field", hasItem("size"));
    }

    @Test
    void healthMetricsAndApiDocsNeedNoToken() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/metrics").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/residents"));
    }

    static long total() {
        return given().auth().oauth2(WELFARE).queryParam("size", 1).get("/api/residents")
                .then().statusCode(200).extract().<Number> path("totalItems").longValue();
    }

    static void assertTotal(long expected) {
        given().auth().oauth2(WELFARE).queryParam("size", 1).get("/api/residents")
                .then().body("totalItems", equalTo((int) expected));
    }
}
