package org.smarttown.resident;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.smarttown.commons.testing.TestTokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every endpoint of the service: 401 without a token, 403 for founders and partner agencies. The
 * endpoints are read from the service's own OpenAPI document, so one added later is covered too.
 */
@QuarkusTest
class AccessControlTest {

    /** One operation, with its path parameters filled with an id nothing has, and the body type it reads. */
    private record Endpoint(String method, String path, String bodyType) {

        Response call(RequestSpecification request) {
            if (bodyType != null) {
                request = request.contentType(bodyType).body(bodyType.startsWith("text/csv") ? "name\n" : "{}");
            }
            return request.request(method, path);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static List<Endpoint> endpoints() throws Exception {
        JsonNode paths = new ObjectMapper().readTree(given().queryParam("format", "json").get("/q/openapi").then()
                .statusCode(200).extract().asString()).path("paths");
        List<Endpoint> endpoints = new ArrayList<>();
        paths.fields().forEachRemaining(path -> {
            if (!path.getKey().startsWith("/api/residents")) {
                return;
            }
            path.getValue().fields().forEachRemaining(operation -> {
                if (!Set.of("get", "post", "put", "patch", "delete").contains(operation.getKey())) {
                    return;
                }
                JsonNode content = operation.getValue().path("requestBody").path("content");
                String bodyType = content.isObject() && content.fieldNames().hasNext() ? content.fieldNames().next() : null;
                endpoints.add(new Endpoint(operation.getKey().toUpperCase(),
                        path.getKey().replaceAll("\\{[A-Za-z]+}", UUID.randomUUID().toString()), bodyType));
            });
        });
        List<String> names = endpoints.stream()
                .map(e -> e.method() + " " + e.path().replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "{}")).toList();
        // The document is read correctly: the README's API table is in it, admin-only paths included.
        assertThat(names, hasItems("POST /api/residents", "PATCH /api/residents/{}", "POST /api/residents/{}/rrn-reveal",
                "GET /api/residents/map", "GET /api/residents/households", "POST /api/residents/imports",
                "GET /api/residents/rrn-keys", "POST /api/residents/rrn-keys/re-encrypt",
                "POST /api/residents/households/{}/members/{}/leave", "POST /api/residents/duplicates/{}/resolve"));
        return endpoints;
    }

    @Test
    void foundersAndPartnerAgenciesAreRefusedOnEveryEndpoint() throws Exception {
        List<Endpoint> endpoints = endpoints();
        List<String> wrong = new ArrayList<>();
        for (String token : List.of(TestTokens.user("founder1", "founder"), TestTokens.agency("agency-a", "agency-a"))) {
            for (Endpoint e : endpoints) {
                Response response = e.call(given().auth().oauth2(token));
                if (response.statusCode() != 403 || !response.contentType().startsWith("application/problem+json")
                        || !"urn:smarttown:problem:forbidden".equals(response.path("type"))) {
                    wrong.add(e + " answered " + response.statusCode() + " " + response.contentType());
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyEndpointNeedsAToken() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Endpoint e : endpoints()) {
            Response response = e.call(given());
            if (response.statusCode() != 401 || !response.contentType().startsWith("application/problem+json")) {
                wrong.add(e + " answered " + response.statusCode() + " " + response.contentType());
            }
        }
        assertEquals(List.of(), wrong);
    }
}
