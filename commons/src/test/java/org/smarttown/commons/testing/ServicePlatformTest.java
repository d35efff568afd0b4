package org.smarttown.commons.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

/**
 * What every service promises before any feature: extend it in a {@code @QuarkusTest} of the
 * service and name the service's public path. Health, metrics and API docs are open; everything
 * else needs a valid token; unknown paths are problem+json.
 */
public abstract class ServicePlatformTest {

    /** The service's public path, e.g. {@code /api/coworking}. */
    protected abstract String apiPath();

    @Test
    void readinessChecksTheDatabaseAndTheBroker() {
        given().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Reactive PostgreSQL connections health check",
                        "SmallRye Reactive Messaging - readiness check"));
    }

    @Test
    void healthMetricsAndApiDocsNeedNoToken() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("http_server"));
        given().get("/q/openapi").then().statusCode(200).body(containsString("openapi"));
    }

    @Test
    void everyOtherPathNeedsAToken() {
        given().get(apiPath() + "/anything").then()
                .statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .contentType("application/problem+json")
                .body("type", equalTo("urn:smarttown:problem:unauthorized"));
    }

    @Test
    void anInvalidTokenIsRefused() {
        given().auth().oauth2("not-a-token").get(apiPath()).then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.foreignAudience("welfare1", "welfare-staff")).get(apiPath()).then()
                .statusCode(401);
    }

    /** Answered only once the token passed: 404 for an unknown path, never 401. */
    private static void accepted(String token, String path) {
        given().auth().oauth2(token).get(path).then().statusCode(404);
    }

    private static void refused(String token, String path) {
        given().auth().oauth2(token).get(path).then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:smarttown:problem:unauthorized"));
    }

    @Test
    void aTokenAcceptedBeforeIsRefusedOnceItHasExpired() throws InterruptedException {
        // The service remembers tokens it has verified; it must not trust one past its exp. At least 3 s
        // of life, so that a freshly started service answers the first two in time (exp is in seconds,
        // and Quarkus allows no grace past it unless quarkus.oidc.token.lifespan-grace is set).
        long expiresAt = System.currentTimeMillis() / 1000 + 4;
        String token = TestTokens.expiringAt(expiresAt, "admin2", "admin");
        String path = apiPath() + "/no/such/thing";
        accepted(token, path);
        accepted(token, path);
        Thread.sleep(Math.max(0, expiresAt * 1000 - System.currentTimeMillis()) + 200);
        refused(token, path);
    }

    @Test
    void aRememberedTokensClaimsUnderAnotherSignatureAreRefused() {
        String token = TestTokens.user("admin3", "admin");
        String path = apiPath() + "/no/such/thing";
        accepted(token, path);
        String donor = TestTokens.user("founder3", "founder");
        String forged = token.substring(0, token.lastIndexOf('.')) + donor.substring(donor.lastIndexOf('.'));
        refused(forged, path);
        accepted(token, path);
    }

    @Test
    void anUnknownPathIsA404Problem() {
        given().auth().oauth2(TestTokens.user("admin1", "admin")).get(apiPath() + "/no/such/thing").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:smarttown:problem:not-found"))
                .body("status", equalTo(404));
    }
}
