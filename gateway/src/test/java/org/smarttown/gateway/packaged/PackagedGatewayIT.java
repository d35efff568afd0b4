package org.smarttown.gateway.packaged;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;
import org.smarttown.gateway.Tokens;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The packaged gateway (the JVM jar in every build, the native executable under {@code -Pnative}):
 * readiness, the web apps' static files with their headers, sign-in redirects for pages and 401
 * problems for APIs, and a call relayed to a service with its request id.
 */
@QuarkusIntegrationTest
class PackagedGatewayIT {

    @Test
    void readyAndServingTheWebAppsWithTheirHeaders() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/assets/core.js").then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"));
    }

    @Test
    void pagesRedirectToSignInAndApisAnswer401() {
        given().redirects().follow(false).get("/staff/").then().statusCode(302)
                .header("Location", containsString("code_challenge_method=S256"));
        given().redirects().follow(false).get("/api/residents").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void aCallWithATokenReachesItsServiceWithTheRequestId() {
        given().auth().oauth2(Tokens.user("welfare1", "welfare-staff")).header("X-Request-ID", "packaged-1")
                .get("/api/care/alerts").then().statusCode(200)
                .header("X-Request-ID", "packaged-1")
                .body("service", equalTo("care"))
                .body("path", equalTo("/api/care/alerts"));
    }
}
