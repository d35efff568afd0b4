package org.smarttown.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.smarttown.gateway.FakeServices;
import org.smarttown.gateway.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class ProxySecurityTest {

    FakeServices services;

    /** Asks without (or with a bad) token and proves the gateway refused it and no service saw it. */
    void refused(RequestSpecification request, String prefix) {
        String path = prefix + "/" + UUID.randomUUID();
        request.contentType("application/json").body("{\"name\":\"무토큰\"}").post(path).then()
                .statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .contentType("application/problem+json")
                .body("type", equalTo("urn:smarttown:problem:unauthorized"))
                .body("status", equalTo(401))
                .body("instance", equalTo(path));
        assertEquals(List.of(), services.arrivalsAt(path));
    }

    @Test
    void withoutATokenTheGatewayAnswers401AndNoServiceIsReached() {
        for (String prefix : List.of("/api/residents", "/api/care", "/api/coworking", "/api/mentoring", "/partner/v1")) {
            refused(given(), prefix);
        }
    }

    @Test
    void aTokenThatIsNotAJwtIsRefused() {
        refused(given().auth().oauth2("not.a.token"), "/api/residents");
    }

    @Test
    void anExpiredTokenIsRefused() {
        refused(given().auth().oauth2(Tokens.expired("welfare1", "welfare-staff")), "/api/residents");
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        refused(given().auth().oauth2(Tokens.foreignAudience("agency1", "agency-partner")), "/partner/v1");
    }

    @Test
    void aTokenSignedByAnUnknownKeyIsRefused() {
        refused(given().auth().oauth2(Tokens.signedByAStranger("welfare1", "welfare-staff")), "/api/care");
    }

    @Test
    void aTokenAcceptedBeforeIsRefusedOnceItHasExpired() throws InterruptedException {
        // The gateway remembers verified tokens; it must not trust one past its exp.
        String token = Tokens.expiringIn(2, "welfare1", "welfare-staff");
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(token).get("/api/residents/" + UUID.randomUUID()).then().statusCode(200);
        }
        Thread.sleep(3_000);
        refused(given().auth().oauth2(token), "/api/residents");
    }

    @Test
    void aRememberedTokensClaimsUnderAnotherSignatureAreRefused() {
        String token = Tokens.user("welfare2", "welfare-staff", "admin");
        given().auth().oauth2(token).get("/api/residents/" + UUID.randomUUID()).then().statusCode(200);
        String forged = Tokens.withForeignSignature(token, Tokens.user("founder1", "founder"));
        refused(given().auth().oauth2(forged), "/api/residents");
    }

    @Test
    void aRememberedTokenKeepsItsRolesOnEveryRequest() {
        String staff = Tokens.user("welfare3", "welfare-staff");
        String founder = Tokens.user("founder3", "founder");
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(staff).get("/staff/alerts.js").then().statusCode(200);
            given().auth().oauth2(founder).get("/staff/alerts.js").then().statusCode(403);
        }
    }

    @Test
    void aRefusalCarriesARequestIdToo() {
        given().header("X-Request-ID", "trace-401").get("/api/care/" + UUID.randomUUID()).then()
                .statusCode(401)
                .header("X-Request-ID", "trace-401");
    }

    @Test
    void healthMetricsAndApiDocsNeedNoToken() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }

    @Test
    void readinessReportsEachServiceAndStaysUpWhenOneIsDown() {
        given().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'upstreams' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'upstreams' }.data.residents", equalTo("UP"))
                .body("checks.find { it.name == 'upstreams' }.data.mentoring", equalTo("UP"))
                .body("checks.find { it.name == 'upstreams' }.data.down", equalTo("unreachable"));
    }
}
