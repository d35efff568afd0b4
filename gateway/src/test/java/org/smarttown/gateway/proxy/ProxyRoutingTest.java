package org.smarttown.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.smarttown.gateway.FakeServices;
import org.smarttown.gateway.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class ProxyRoutingTest {

    static final String TOKEN = Tokens.user("welfare1", "welfare-staff");

    FakeServices services;

    static String unique(String prefix) {
        return prefix + "/" + UUID.randomUUID();
    }

    @Test
    void eachPrefixReachesItsServiceWithPathAndQueryUnchanged() {
        Map<String, String> serviceByPrefix = Map.of(
                "/api/residents", "residents",
                "/api/care", "care",
                "/api/coworking", "coworking",
                "/api/mentoring", "mentoring",
                "/partner/v1", "mentoring");
        serviceByPrefix.forEach((prefix, service) -> {
            String path = unique(prefix) + "/sessions/%EA%B9%80";
            given().auth().oauth2(TOKEN).urlEncodingEnabled(false)
                    .get(path + "?from=2026-01-01T09:00:00%2B09:00&name=%EA%B9%80&page=2").then()
                    .statusCode(200)
                    .body("service", equalTo(service))
                    .body("path", equalTo(path))
                    .body("query", equalTo("from=2026-01-01T09:00:00%2B09:00&name=%EA%B9%80&page=2"));
            assertEquals(service, services.arrivalAt(path).service);
        });
    }

    @Test
    void theBarePrefixIsRoutedWithAndWithoutAQuery() {
        // The bare prefix is shared by every test, so this one tells its requests apart by query.
        String marker = UUID.randomUUID().toString();
        given().auth().oauth2(TOKEN).get("/api/coworking?marker=" + marker + "&size=5").then()
                .statusCode(200)
                .body("service", equalTo("coworking"))
                .body("path", equalTo("/api/coworking"))
                .body("query", equalTo("marker=" + marker + "&size=5"));
        given().auth().oauth2(TOKEN).get("/partner/v1").then()
                .statusCode(200)
                .body("service", equalTo("mentoring"))
                .body("path", equalTo("/partner/v1"));
    }

    @Test
    void aPrefixMatchesWholePathSegmentsOnly() {
        given().auth().oauth2(TOKEN).get("/api/careers/" + UUID.randomUUID()).then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aCreatedAnswerKeepsItsStatusLocationAndCustomHeaders() {
        String path = unique("/api/residents");
        services.answer(path, FakeServices.status(201,
                Map.of("Location", "/api/residents/42", "X-Resident-Version", "7"),
                "application/json", "{\"id\":\"42\"}"));

        given().auth().oauth2(TOKEN).contentType("application/json").body("{\"name\":\"김순자\"}")
                .post(path).then()
                .statusCode(201)
                .header("Location", "/api/residents/42")
                .header("X-Resident-Version", "7")
                .contentType("application/json")
                .body("id", equalTo("42"));

        FakeServices.Arrival arrival = services.arrivalAt(path);
        assertEquals("POST", arrival.method);
        assertEquals("{\"name\":\"김순자\"}", arrival.body());
        assertEquals("application/json", arrival.header("Content-Type").split(";")[0]);
    }

    @Test
    void aServiceProblemPassesThroughUnchanged() {
        String path = unique("/api/coworking");
        String problem = "{\"type\":\"urn:smarttown:problem:desk-taken\",\"title\":\"Conflict\",\"status\":409,"
                + "\"detail\":\"Desk A-3 is booked at that time\",\"instance\":\"" + path + "\"}";
        services.answer(path, FakeServices.status(409, Map.of(), "application/problem+json", problem));

        String body = given().auth().oauth2(TOKEN).contentType("application/json").body("{}").put(path).then()
                .statusCode(409)
                .contentType("application/problem+json")
                .extract().asString();
        assertEquals(problem, body);
    }

    @Test
    void theCallersBearerTokenArrivesAtTheService() {
        String path = unique("/api/care");
        given().auth().oauth2(TOKEN).get(path).then().statusCode(200);
        assertEquals("Bearer " + TOKEN, services.arrivalAt(path).header("Authorization"));
    }

    @Test
    void aRequestIdIsAddedWhenMissingAndReturnedToTheCaller() {
        String path = unique("/api/mentoring");
        Response response = given().auth().oauth2(TOKEN).get(path);
        response.then().statusCode(200);

        String returned = response.header("X-Request-ID");
        UUID.fromString(returned);
        assertEquals(returned, services.arrivalAt(path).header("X-Request-ID"));
    }

    @Test
    void theCallersRequestIdIsPassedOnAndReturned() {
        String path = unique("/api/residents");
        given().auth().oauth2(TOKEN).header("X-Request-ID", "web-7f3a.2_b").get(path).then()
                .statusCode(200)
                .header("X-Request-ID", "web-7f3a.2_b");
        assertEquals("web-7f3a.2_b", services.arrivalAt(path).header("X-Request-ID"));
        assertEquals(1, services.arrivalAt(path).headers.getAll("X-Request-ID").size());
    }

    @Test
    void anAbsurdRequestIdIsReplaced() {
        for (String absurd : new String[] { "x".repeat(129), "drop table;--", "id with spaces" }) {
            String path = unique("/api/residents");
            String returned = given().auth().oauth2(TOKEN).header("X-Request-ID", absurd).get(path).then()
                    .statusCode(200)
                    .extract().header("X-Request-ID");
            UUID.fromString(returned);
            assertEquals(returned, services.arrivalAt(path).header("X-Request-ID"));
        }
    }

    @Test
    void theServiceLearnsWhoAskedThroughForwardedHeaders() {
        String path = unique("/api/care");
        given().auth().oauth2(TOKEN).header("X-Forwarded-Host", "evil.example").get(path).then().statusCode(200);

        FakeServices.Arrival arrival = services.arrivalAt(path);
        assertEquals("127.0.0.1", arrival.header("X-Forwarded-For"));
        assertEquals("http", arrival.header("X-Forwarded-Proto"));
        assertTrue(arrival.header("X-Forwarded-Host").startsWith("localhost:"), arrival.header("X-Forwarded-Host"));
        assertEquals("127.0.0.1:" + services.port("care"), arrival.header("Host"));
    }

    @Test
    void hopByHopHeadersStopAtTheGateway() {
        String path = unique("/api/care");
        services.answer(path, FakeServices.status(200,
                Map.of("Keep-Alive", "timeout=5", "Proxy-Authenticate", "Basic", "X-Care-Shift", "night"),
                "text/plain", "ok"));

        Response response = given().auth().oauth2(TOKEN)
                .header("Proxy-Authorization", "Basic c2VjcmV0")
                .header("Keep-Alive", "timeout=99")
                .header("TE", "trailers")
                .get(path);
        response.then().statusCode(200).header("X-Care-Shift", "night");
        assertNull(response.header("Keep-Alive"));
        assertNull(response.header("Proxy-Authenticate"));

        FakeServices.Arrival arrival = services.arrivalAt(path);
        assertNull(arrival.header("Proxy-Authorization"));
        assertNull(arrival.header("Keep-Alive"));
        assertNull(arrival.header("TE"));
    }

    @Test
    void headersNamedInConnectionAndForgedForwardingHeadersInAnyCaseStopAtTheGateway() {
        String path = unique("/api/care");
        given().auth().oauth2(TOKEN)
                .header("Connection", "keep-alive, X-Internal-Hop")
                .header("x-internal-hop", "1")
                .header("X-FORWARDED-HOST", "evil.example")
                .get(path).then().statusCode(200);

        FakeServices.Arrival arrival = services.arrivalAt(path);
        assertNull(arrival.header("X-Internal-Hop"));
        assertTrue(arrival.header("X-Forwarded-Host").startsWith("localhost:"), arrival.header("X-Forwarded-Host"));
    }

    @Test
    void metricsCountRequestsByPrefixNotByEveryPath() {
        String id = UUID.randomUUID().toString();
        given().auth().oauth2(TOKEN).get("/api/residents/" + id).then().statusCode(200);

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("uri=\"/api/residents"), "no series for the residents prefix");
        assertFalse(metrics.contains(id), "a path with an id became a metrics tag");
    }
}
