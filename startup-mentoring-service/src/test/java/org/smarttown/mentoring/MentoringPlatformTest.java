package org.smarttown.mentoring;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.smarttown.commons.testing.ServicePlatformTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class MentoringPlatformTest extends ServicePlatformTest {

    @Override
    protected String apiPath() {
        return "/api/mentoring";
    }

    @Test
    void theOpenApiDocumentDescribesThePartnerApiWithExamples() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body(containsString("/partner/v1/mentors/{id}/availability"))
                .body(containsString("/partner/v1/sessions/{id}/no-show"))
                .body(containsString("/partner/v1/webhooks/deliveries/{deliveryId}/redeliver"))
                .body(containsString("Kim Jiwon"))
                .body(containsString("agency-a.example/hooks"));
    }

    @Test
    void partnersReadTheSameDocumentUnderThePartnerPathThatTheGatewayForwards() {
        String direct = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        Api.as(Api.AGENCY_A).queryParam("format", "json").get("/partner/v1/openapi").then().statusCode(200)
                .contentType(containsString("json")).body(equalTo(direct));
        Api.as(Api.agency("agency-b", "profile email")).get("/partner/v1/openapi").then().statusCode(200)
                .body(containsString("openapi: 3.1")).body(containsString("/partner/v1/sessions/{id}/no-show"));
        given().get("/partner/v1/openapi").then().statusCode(401);
    }

    @Test
    void everyPartnerOperationStatesItsScopeAndEveryRequestBodyHasAnExample() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(given().queryParam("format", "json").get("/q/openapi").then()
                .statusCode(200).extract().asString());
        List<String> missingExamples = new ArrayList<>();
        List<String> undefinedSchemes = new ArrayList<>();
        Map<String, String> partnerScopes = new java.util.TreeMap<>();
        int bodies = 0;
        for (var path : (Iterable<Map.Entry<String, JsonNode>>) doc.path("paths")::fields) {
            for (var operation : (Iterable<Map.Entry<String, JsonNode>>) path.getValue()::fields) {
                String name = operation.getKey().toUpperCase() + " " + path.getKey();
                for (JsonNode requirement : operation.getValue().path("security")) {
                    requirement.fieldNames().forEachRemaining(scheme -> {
                        if (doc.path("components").path("securitySchemes").path(scheme).isMissingNode()) {
                            undefinedSchemes.add(name + ": " + scheme);
                        }
                    });
                }
                JsonNode security = operation.getValue().path("security");
                if (path.getKey().startsWith("/partner/v1")) {
                    partnerScopes.put(name, security.size() == 1 && security.get(0).path("partner").size() == 1
                            ? security.get(0).path("partner").get(0).asText() : security.toString());
                } else if (security.toString().contains("partner")) {
                    undefinedSchemes.add(name + " names the partner scheme: " + security);
                }
                JsonNode schema = operation.getValue().path("requestBody").path("content").path("application/json")
                        .path("schema");
                if (!path.getKey().startsWith("/partner/v1") || schema.isMissingNode()) {
                    continue;
                }
                bodies++;
                if (schema.has("$ref")) {
                    schema = doc.at(schema.get("$ref").asText().substring(1));
                }
                // OpenAPI 3.1 schemas carry "examples" (an array); 3.0 had "example".
                if (!schema.has("example") && !schema.has("examples")) {
                    missingExamples.add(name);
                }
            }
        }
        assertTrue(bodies >= 12, "partner operations with a body: " + bodies);
        assertEquals(List.of(), missingExamples, "partner request bodies without an example");
        assertEquals(List.of(), undefinedSchemes, "security requirements naming no scheme");

        // Each partner operation names the one scope it is refused without (PartnerOperationsTest).
        assertEquals(27, partnerScopes.size(), partnerScopes.toString());
        assertEquals(java.util.Set.of("mentors:read", "mentors:write", "sessions:read", "sessions:write",
                "webhooks:manage"), java.util.Set.copyOf(partnerScopes.values()), partnerScopes.toString());
        assertEquals("webhooks:manage", partnerScopes.get("POST /partner/v1/webhooks/deliveries/{deliveryId}/redeliver"));
        assertEquals("sessions:read", partnerScopes.get("GET /partner/v1/report"));
        assertEquals("mentors:write", partnerScopes.get("PUT /partner/v1/mentors/{id}/availability"));
        assertEquals("sessions:write", partnerScopes.get("POST /partner/v1/sessions/{id}/no-show"));
        // People's operations keep the scheme of people's tokens, with the roles they need.
        assertEquals("[{\"SecurityScheme\":[\"founder\"]}]",
                doc.at("/paths/~1api~1mentoring~1sessions/post/security").toString());
        JsonNode flow = doc.at("/components/securitySchemes/partner/flows/clientCredentials");
        // The realm this instance trusts (the test's OIDC server here), not the constant in the annotation.
        String realm = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("quarkus.oidc.auth-server-url", String.class).replaceAll("/+$", "");
        assertEquals(realm + "/protocol/openid-connect/token", flow.path("tokenUrl").asText(), flow.toString());
        assertEquals(5, flow.path("scopes").size(), flow.toString());
    }
}
