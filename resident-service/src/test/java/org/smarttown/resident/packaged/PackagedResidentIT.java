package org.smarttown.resident.packaged;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.smarttown.commons.testing.ServicePlatformTest;
import org.smarttown.commons.testing.TestTokens;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;

/**
 * The packaged application (the JVM jar in every build, the native executable under
 * {@code -Pnative}): platform promises plus a round trip through the parts that need reflection
 * or resources in a native image — JSON bodies and problem details, the RRN cipher, the
 * GeoJSON map and the Flyway migrations.
 */
@QuarkusIntegrationTest
class PackagedResidentIT extends ServicePlatformTest {

    private static final String WELFARE = TestTokens.user("welfare1", "welfare-staff");

    @Override
    protected String apiPath() {
        return "/api/residents";
    }

    @Test
    void aResidentRoundTripsWithItsRrnMaskedAndOnTheMap() {
        String complex = "패키지-" + UUID.randomUUID().toString().substring(0, 8);
        String rrn = "450302-2" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
        String id = given().auth().oauth2(WELFARE).contentType(ContentType.JSON).body("""
                {"name":"김순자","birthDate":"1945-03-02","sex":"F","rrn":"%s","phone":"010-1234-5678",
                 "address":{"dong":"두암동","complex":"%s","building":"201","unit":"1103"},
                 "location":{"lat":35.1740,"lon":126.9270},"categories":["ELDERLY","LIVING_ALONE"],
                 "emergencyContacts":[{"name":"박민수","relation":"SON","phone":"010-2222-3333"}],
                 "consents":[{"purpose":"CARE_SERVICES","given":true}]}
                """.formatted(rrn, complex)).post("/api/residents").then().statusCode(201).extract().path("id");

        given().auth().oauth2(WELFARE).get("/api/residents/" + id).then().statusCode(200)
                .body("name", equalTo("김순자"))
                .body("rrnMasked", equalTo("450302-2******"))
                .body(not(containsString(rrn.substring(7))))
                .body("address.complex", equalTo(complex));
        given().auth().oauth2(WELFARE).queryParam("complex", complex).get("/api/residents").then().statusCode(200)
                .body("items.id", hasItem(id));
        given().auth().oauth2(WELFARE).contentType(ContentType.JSON).body("{\"reason\":\"기초생활수급 신청서 작성\"}")
                .post("/api/residents/" + id + "/rrn-reveal").then().statusCode(200).body("rrn", equalTo(rrn));
        given().auth().oauth2(WELFARE).get("/api/residents/map").then().statusCode(200)
                .body("type", equalTo("FeatureCollection"));
    }

    @Test
    void malformedJsonIsAProblem() {
        given().auth().oauth2(WELFARE).contentType(ContentType.JSON).body("{\"name\":").post("/api/residents").then()
                .statusCode(400).contentType("application/problem+json");
    }
}
