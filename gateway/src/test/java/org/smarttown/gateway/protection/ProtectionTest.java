package org.smarttown.gateway.protection;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.LogManager;
import org.junit.jupiter.api.Test;
import org.smarttown.gateway.Tokens;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ProtectionTest {

    @Test
    void aPartnerPastItsLimitGets429WithRetryAfterAndAnotherPartnerIsNotAffected() {
        String agencyA = Tokens.agency("agency-a");
        // The test tier allows a burst of 5.
        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(agencyA).get("/partner/v1/sessions").then().statusCode(200);
        }
        given().auth().oauth2(agencyA).get("/partner/v1/sessions").then()
                .statusCode(429)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:smarttown:problem:rate-limited"))
                .header("Retry-After", equalTo("2"));

        given().auth().oauth2(Tokens.agency("agency-b")).get("/partner/v1/sessions").then().statusCode(200);
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        given().auth().oauth2(Tokens.user("welfare1", "welfare-staff")).get("/api/residents").then()
                .statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "strict-origin-when-cross-origin")
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                // Outside production (no TLS in dev and tests) there is no HSTS.
                .header("Strict-Transport-Security", nullValue());
        given().get("/api/nowhere").then().statusCode(401).header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void corsAnswersOnlyTheAllowedOrigins() {
        given().header("Origin", "http://127.0.0.1:8080").header("Access-Control-Request-Method", "POST")
                .options("/api/residents").then()
                .header("Access-Control-Allow-Origin", "http://127.0.0.1:8080");
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .options("/api/residents").then()
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void aFailingServiceOpensTheBreakerSoCallersGetA503AtOnce() {
        String token = Tokens.user("carer1", "care-worker");
        // The test threshold is 3 consecutive failures.
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).get("/api/flaky/x").then().statusCode(502);
        }
        given().auth().oauth2(token).get("/api/flaky/x").then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:smarttown:problem:service-unavailable"))
                .header("Retry-After", equalTo("2"));
        // Other services are not affected.
        given().auth().oauth2(token).get("/api/care/alerts").then().statusCode(200);
    }

    @Test
    void logLinesOfARequestCarryItsRequestId() {
        List<ExtLogRecord> records = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record instanceof ExtLogRecord ext) {
                    ext.copyMdc();
                    records.add(ext);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        var root = LogManager.getLogManager().getLogger("");
        root.addHandler(capture);
        try {
            // The down service makes the gateway log a warning while serving the request.
            given().auth().oauth2(Tokens.user("carer1", "care-worker")).header("X-Request-ID", "trace-me-4711")
                    .get("/api/down/x").then().statusCode(502).header("X-Request-ID", "trace-me-4711");
        } finally {
            root.removeHandler(capture);
        }
        assertTrue(records.stream().anyMatch(r -> r.getMessage() != null && "trace-me-4711".equals(r.getMdc("requestId"))),
                "a log line of the request carries its id; got MDC " + records.stream().map(r -> r.getMdc("requestId")).toList());
    }
}
