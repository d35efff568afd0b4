package org.smarttown.resident.resident;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import org.smarttown.commons.testing.TestTokens;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Tokens for each role and request bodies, for this module's tests. */
final class Residents {

    static final String WELFARE = TestTokens.user("welfare1", "welfare-staff");
    static final String CARER = TestTokens.user("carer1", "care-worker");
    static final String OTHER_CARER = TestTokens.user("carer2", "care-worker");
    static final String SUPERVISOR = TestTokens.user("supervisor1", "care-supervisor", "care-worker");
    static final String ADMIN = TestTokens.user("admin1", "admin");
    static final String FOUNDER = TestTokens.user("founder1", "founder");
    static final String AGENCY = TestTokens.agency("agency-a", "agency-a");

    private Residents() {
    }

    /** A complex name no other test uses, so searches see only this test's residents. */
    static String uniqueComplex() {
        return "단지-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The full create body, with the given name, complex and consent. */
    static String full(String name, String complex, boolean careConsent) {
        return """
                {"name":"%s","birthDate":"1945-03-02","sex":"F","phone":"010-1234-5678",
                 "address":{"dong":"두암동","complex":"%s","building":"201","unit":"1103"},
                 "location":{"lat":35.1740,"lon":126.9270},
                 "categories":["ELDERLY","LIVING_ALONE","BASIC_LIVELIHOOD","CHRONIC_ILLNESS"],
                 "benefitTypes":["LIVELIHOOD","MEDICAL"],
                 "conditions":["고혈압","당뇨"],
                 "emergencyContacts":[{"name":"박민수","relation":"SON","phone":"010-2222-3333"},
                                      {"name":"박민지","relation":"DAUGHTER","phone":"010-4444-5555"}],
                 "assignedCareWorker":"carer1",
                 "haengbokeumId":"HE-2026-000123",
                 "consents":[{"purpose":"CARE_SERVICES","given":%s}]}
                """.formatted(name, complex, careConsent);
    }

    static Response register(String body) {
        return given().auth().oauth2(WELFARE).contentType(ContentType.JSON).body(body).post("/api/residents");
    }

    static String registeredId(String body) {
        return register(body).then().statusCode(201).extract().path("id");
    }

    static Response patch(String token, String id, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).patch("/api/residents/" + id);
    }
}
