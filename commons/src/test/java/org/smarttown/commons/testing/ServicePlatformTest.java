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

    @Test
    void anUnknownPathIsA404Problem() {
        given().auth().oauth2(TestTokens.user("admin1", "admin")).get(apiPath() + "/no/such/thing").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:smarttown:problem:not-found"))
                .body("status", equalTo(404));
    }
}
