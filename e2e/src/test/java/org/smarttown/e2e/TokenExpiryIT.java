package org.smarttown.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Cookie;

import io.restassured.http.ContentType;

/**
 * A browser session outlives its access tokens: with the web client's tokens living 10 s (set on
 * the realm's client through Keycloak's admin API for this test, and put back afterwards), twenty
 * API calls fired at once from one signed-in page, after the token it signed in with has expired,
 * all succeed, the gateway having refreshed the session.
 */
class TokenExpiryIT {

    private static final int LIFESPAN_SECONDS = 10;
    private static String clientId;
    private static String previousLifespan;

    @RegisterExtension
    static final Chromium browser = Chromium.desktop("token-expiry");

    @BeforeAll
    static void shortenTheWebClientsTokens() {
        Map<String, Object> client = webClient();
        clientId = (String) client.get("id");
        @SuppressWarnings("unchecked")
        Map<String, Object> attributes = (Map<String, Object>) client.get("attributes");
        previousLifespan = (String) attributes.get("access.token.lifespan");
        setLifespan(String.valueOf(LIFESPAN_SECONDS));
    }

    @AfterAll
    static void restoreTheWebClientsTokens() {
        if (clientId != null) {
            setLifespan(previousLifespan);
        }
    }

    @Test
    void twentyParallelApiCallsFromOneSessionSucceedAcrossAnAccessTokenExpiry() {
        browser.openAs("/staff/#residents", "welfare1");
        browser.find("#resident-results table");
        String sessionBefore = sessionCookie();

        // Past the lifetime of every token the session holds now.
        await().pollDelay(Duration.ofSeconds(LIFESPAN_SECONDS + 2)).atMost(Duration.ofSeconds(LIFESPAN_SECONDS + 5)).until(() -> true);

        browser.driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(90));
        @SuppressWarnings("unchecked")
        List<Object> statuses = (List<Object>) browser.asyncScript("""
                const done = arguments[arguments.length - 1];
                Promise.all(Array.from({ length: 20 }, (_, i) =>
                        fetch('/api/residents?size=1&page=' + i, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
                            .then(r => r.status)))
                    .then(done, e => done([String(e)]));
                """);
        assertEquals(Collections.nCopies(20, 200L), statuses.stream().map(s -> s instanceof Number n ? n.longValue() : s).toList(),
                "every call of the session succeeds");
        assertNotEquals(sessionBefore, sessionCookie(), "the gateway refreshed the session's tokens");
        browser.screenshot("after-parallel-calls");
    }

    private static String sessionCookie() {
        Cookie cookie = browser.driver.manage().getCookieNamed("q_session");
        return cookie == null ? browser.driver.manage().getCookies().toString() : cookie.getValue();
    }

    static String adminToken() {
        return given().formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", "admin").formParam("password", "admin")
                .post(LocalSuite.KEYCLOAK + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    private static Map<String, Object> webClient() {
        List<Map<String, Object>> clients = given().auth().oauth2(adminToken())
                .get(LocalSuite.KEYCLOAK + "/admin/realms/smarttown/clients?clientId=smarttown-web")
                .then().statusCode(200).extract().jsonPath().getList("$");
        return clients.get(0);
    }

    private static void setLifespan(String seconds) {
        Map<String, Object> client = webClient();
        @SuppressWarnings("unchecked")
        Map<String, Object> attributes = new HashMap<>((Map<String, Object>) client.get("attributes"));
        if (seconds == null) {
            // Keycloak reads an empty value as "use the realm's setting".
            attributes.put("access.token.lifespan", "");
        } else {
            attributes.put("access.token.lifespan", seconds);
        }
        client.put("attributes", attributes);
        given().auth().oauth2(adminToken()).contentType(ContentType.JSON).body(client)
                .put(LocalSuite.KEYCLOAK + "/admin/realms/smarttown/clients/" + clientId)
                .then().statusCode(204);
    }
}
