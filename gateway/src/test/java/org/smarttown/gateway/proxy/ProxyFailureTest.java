package org.smarttown.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.smarttown.gateway.FakeServices;
import org.smarttown.gateway.Tokens;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ProxyFailureTest {

    static final String TOKEN = Tokens.user("carer1", "care-worker");

    FakeServices services;

    @Test
    void anUnreachableServiceIsA502Problem() {
        String path = "/api/down/" + UUID.randomUUID();
        given().auth().oauth2(TOKEN).get(path).then()
                .statusCode(502)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:smarttown:problem:bad-gateway"))
                .body("status", equalTo(502))
                .body("instance", equalTo(path))
                .body(not(containsString("127.0.0.1")))
                .body(not(containsString("Exception")));
    }

    @Test
    void aServiceSlowerThanItsRouteTimeoutIsA504Problem() {
        String path = "/api/slow/" + UUID.randomUUID();
        services.answer(path, services.after(Duration.ofSeconds(3)));
        given().auth().oauth2(TOKEN).get(path).then()
                .time(lessThan(2500L), TimeUnit.MILLISECONDS)
                .statusCode(504)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:smarttown:problem:gateway-timeout"))
                .body("status", equalTo(504))
                .body(not(containsString("Exception")));
    }

    @Test
    void aServiceWithinItsRouteTimeoutIsWaitedFor() {
        String path = "/api/slow/" + UUID.randomUUID();
        services.answer(path, services.after(Duration.ofMillis(200)));
        given().auth().oauth2(TOKEN).get(path).then()
                .statusCode(200)
                .body("path", equalTo(path));
    }

    @Test
    void aPathNoServiceServesIsA404Problem() {
        for (String path : new String[] { "/api/nowhere/1", "/nothing", "/partner/v2/mentors" }) {
            given().auth().oauth2(TOKEN).get(path).then()
                    .statusCode(404)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:smarttown:problem:not-found"))
                    .body("title", equalTo("Not Found"))
                    .body("status", equalTo(404))
                    .body("instance", equalTo(path));
        }
    }
}
