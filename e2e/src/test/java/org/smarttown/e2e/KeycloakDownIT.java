package org.smarttown.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.oneOf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * With Keycloak stopped, nothing without a valid token reaches a service: no token, a tampered
 * token, a token signed by a key Keycloak never had and garbage are all refused at the gateway,
 * and the registry shows that none of their writes arrived (read with a token issued before the
 * stop, which stays valid). Runs last; see {@link LocalSuite#restoreAfterKeycloakStop}.
 */
@Order(Integer.MAX_VALUE)
class KeycloakDownIT {

    private static String validToken;

    @BeforeAll
    static void stopKeycloak() {
        LocalSuite.ensureUp();
        RestAssured.baseURI = LocalSuite.GATEWAY;
        validToken = Tokens.user("welfare1");
        LocalSuite.stopKeycloak();
        await().atMost(Duration.ofSeconds(60)).until(() -> !answers(LocalSuite.KEYCLOAK + "/realms/smarttown"));
    }

    @AfterAll
    static void restore() {
        LocalSuite.restoreAfterKeycloakStop();
    }

    @Test
    void noRequestWithoutAValidTokenReachesAServiceWhileKeycloakIsDown() throws Exception {
        String marker = "키클록중단" + UUID.randomUUID().toString().substring(0, 6);
        String[] parts = validToken.split("\\.");
        String tampered = parts[0] + "." + base64(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"welfare1\"", "\"welfare2\"")) + "." + parts[2];
        String stranger = signedByAStranger(parts[1]);

        given().contentType(ContentType.JSON).body(resident(marker + "1")).post("/api/residents").then()
                .statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(tampered).contentType(ContentType.JSON).body(resident(marker + "2")).post("/api/residents").then()
                .statusCode(oneOf(401, 503)).contentType("application/problem+json");
        given().auth().oauth2(stranger).contentType(ContentType.JSON).body(resident(marker + "3")).post("/api/residents").then()
                .statusCode(oneOf(401, 503)).contentType("application/problem+json");
        given().auth().oauth2("not-a-token").get("/api/care/alerts").then()
                .statusCode(oneOf(401, 503)).contentType("application/problem+json");

        // The token issued before the stop still works (its keys are cached), and finds none of those residents.
        given().auth().oauth2(validToken).get("/api/residents?q=" + marker).then()
                .statusCode(200)
                .body("totalItems", equalTo(0));
    }

    private static String resident(String name) {
        return """
                {"name":"%s","birthDate":"1950-01-01","sex":"F","address":{"dong":"두암동","complex":"두암주공2단지"},
                 "consents":[{"purpose":"CARE_SERVICES","given":false}]}
                """.formatted(name);
    }

    /** The same claims under a key the realm never had, naming a key id it does not know. */
    private static String signedByAStranger(String payload) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        PrivateKey key = generator.generateKeyPair().getPrivate();
        String content = base64("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"stranger\"}") + "." + payload;
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(key);
        signature.update(content.getBytes(StandardCharsets.US_ASCII));
        return content + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean answers(String url) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                    .timeout(Duration.ofSeconds(2)).build(), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
