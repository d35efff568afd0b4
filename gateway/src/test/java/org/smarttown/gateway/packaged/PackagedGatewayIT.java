package org.smarttown.gateway.packaged;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.smarttown.gateway.Tokens;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;

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

    /**
     * A request target that is not a valid URI gets a problem, not Quarkus' empty 400: only the
     * packaged app runs GatewayMain, which hands that check to ProblemRoutes. Sent over a raw socket,
     * since every HTTP client here would encode or refuse such a target itself.
     */
    @Test
    void aMalformedRequestTargetGetsAProblemAndReachesNoService() throws IOException {
        String token = Tokens.user("welfare1", "welfare-staff");
        for (String target : new String[] { "/api/care/alerts?q=100%", "/api/care/alerts?q=%zz", "/api/care/%zz",
                "/api/care/alerts?q=a|b", "/book/%" }) {
            String answer = raw("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                    + "\r\nConnection: close\r\n\r\n");
            assertTrue(answer.startsWith("HTTP/1.1 400 "), target + ": " + answer);
            assertTrue(answer.toLowerCase().contains("content-type: application/problem+json"), target + ": " + answer);
            assertTrue(answer.contains("\"type\":\"urn:smarttown:problem:malformed-request\""), target + ": " + answer);
            // The fake care service answers with its name: it was not reached.
            assertFalse(answer.contains("\"service\""), target + ": " + answer);
            // An answer like every other: the security headers and the request id are on it.
            assertTrue(answer.contains("X-Content-Type-Options: nosniff"), target + ": " + answer);
            assertTrue(answer.contains("Content-Security-Policy: default-src 'self'"), target + ": " + answer);
            assertTrue(answer.contains("X-Request-ID: "), target + ": " + answer);
        }
    }

    /** HTTP/1.1 requires a Host header; Vert.x refuses a request without one, and that is a 400 problem, not a 500. */
    @Test
    void aRequestWithoutAHostHeaderIsA400Problem() throws IOException {
        for (String path : new String[] { "/api/care/alerts", "/q/health/ready", "/staff/" }) {
            String answer = raw("GET " + path + " HTTP/1.1\r\nConnection: close\r\n\r\n");
            assertTrue(answer.startsWith("HTTP/1.1 400 "), path + ": " + answer);
            assertTrue(answer.toLowerCase().contains("content-type: application/problem+json"), path + ": " + answer);
        }
    }

    private static String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
