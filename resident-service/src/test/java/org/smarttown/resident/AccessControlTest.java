package org.smarttown.resident;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.smarttown.commons.testing.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Every endpoint of the service: 401 without a token, 403 for founders and partner agencies. */
@QuarkusTest
class AccessControlTest {

    private record Endpoint(String method, String path, String body) {
    }

    private static final String ID = UUID.randomUUID().toString();

    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("POST", "/api/residents", "{}"),
            new Endpoint("GET", "/api/residents", null),
            new Endpoint("GET", "/api/residents/" + ID, null),
            new Endpoint("PATCH", "/api/residents/" + ID, "{}"),
            new Endpoint("POST", "/api/residents/" + ID + "/deactivate", "{}"),
            new Endpoint("POST", "/api/residents/" + ID + "/rrn-reveal", "{}"),
            new Endpoint("GET", "/api/residents/" + ID + "/risk", null),
            new Endpoint("GET", "/api/residents/map", null),
            new Endpoint("GET", "/api/residents/stats", null),
            new Endpoint("GET", "/api/residents/access-log", null),
            new Endpoint("POST", "/api/residents/households", "{}"),
            new Endpoint("GET", "/api/residents/households/" + ID, null),
            new Endpoint("POST", "/api/residents/households/" + ID + "/members", "{}"),
            new Endpoint("POST", "/api/residents/households/" + ID + "/members/" + ID + "/leave", "{}"),
            new Endpoint("GET", "/api/residents/duplicates", null),
            new Endpoint("POST", "/api/residents/duplicates/" + ID + "/resolve", "{}"),
            new Endpoint("GET", "/api/residents/imports/" + ID, null));

    @Test
    void foundersAndPartnerAgenciesAreRefusedOnEveryEndpoint() {
        for (String token : List.of(TestTokens.user("founder1", "founder"), TestTokens.agency("agency-a", "agency-a"))) {
            given().auth().oauth2(token).contentType("text/csv").body("name\n").post("/api/residents/imports").then()
                    .statusCode(403);
            for (Endpoint e : ENDPOINTS) {
                call(given().auth().oauth2(token), e).then()
                        .statusCode(403)
                        .contentType("application/problem+json")
                        .body("type", equalTo("urn:smarttown:problem:forbidden"));
            }
        }
    }

    @Test
    void everyEndpointNeedsAToken() {
        for (Endpoint e : ENDPOINTS) {
            call(given(), e).then().statusCode(401).contentType("application/problem+json");
        }
        given().contentType("text/csv").body("name\n").post("/api/residents/imports").then().statusCode(401);
    }

    private static io.restassured.response.Response call(RequestSpecification request, Endpoint e) {
        if (e.body() != null) {
            request = request.contentType(ContentType.JSON).body(e.body());
        }
        return request.request(e.method(), e.path());
    }
}
