package org.smarttown.gateway.signin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;
import org.smarttown.gateway.Tokens;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The web apps' files and the session endpoint they read: who is signed in and with which roles,
 * so a page offers only what the role may do; their scripts are files, never inline (the CSP forbids those).
 */
@QuarkusTest
class WebAppTest {

    @Test
    void meTellsTheCallerTheirNameAndRoles() {
        given().auth().oauth2(Tokens.user("supervisor1", "care-supervisor", "care-worker")).get("/api/me").then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .body("username", equalTo("supervisor1"))
                .body("roles", containsInAnyOrder("care-supervisor", "care-worker"));
    }

    @Test
    void meWithoutATokenIs401LikeEveryApi() {
        given().redirects().follow(false).get("/api/me").then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void theConsoleScriptsAreForStaffAndTheBookingScriptsForFounders() {
        given().auth().oauth2(Tokens.user("welfare1", "welfare-staff")).get("/staff/alerts.js").then()
                .statusCode(200)
                .contentType(containsString("javascript"))
                .body(containsString("EventSource"));
        given().auth().oauth2(Tokens.user("founder1", "founder")).get("/staff/alerts.js").then().statusCode(403);
        given().auth().oauth2(Tokens.user("founder1", "founder")).get("/book/spaces.js").then().statusCode(200);
        given().auth().oauth2(Tokens.user("welfare1", "welfare-staff")).get("/book/spaces.js").then().statusCode(403);
    }

    @Test
    void sharedAssetsArePublicAndPagesLoadNoInlineScript() {
        given().get("/assets/core.js").then().statusCode(200).body(containsString("export async function api"));
        given().get("/assets/app.css").then().statusCode(200);
        given().get("/assets/qr.js").then().statusCode(200).body(containsString("export function qrSvg"));
        given().auth().oauth2(Tokens.user("welfare1", "welfare-staff")).get("/staff/").then()
                .statusCode(200)
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .body(containsString("<script type=\"module\" src=\"/staff/staff.js\"></script>"))
                .body(not(containsString("<script>")));
    }

    @Test
    void aBrowserWithTheWrongRoleGetsAPageSayingSoWhileOtherCallersGetProblemJson() {
        given().auth().oauth2(Tokens.user("founder1", "founder")).accept("text/html,application/xhtml+xml").get("/staff/").then()
                .statusCode(403)
                .contentType(containsString("text/html"))
                .body(containsString("권한이 없습니다"));
        given().auth().oauth2(Tokens.user("founder1", "founder")).get("/staff/").then()
                .statusCode(403)
                .contentType("application/problem+json");
    }
}
