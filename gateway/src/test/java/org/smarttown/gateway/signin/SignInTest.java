package org.smarttown.gateway.signin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;
import org.smarttown.gateway.Tokens;

import io.quarkus.test.junit.QuarkusTest;

/** Pages send a browser to sign in; APIs answer 401; roles decide which web app a person may open. */
@QuarkusTest
class SignInTest {

    @Test
    void aBrowserWithoutASessionIsSentToSignInWithPkce() {
        given().redirects().follow(false).get("/staff/").then()
                .statusCode(302)
                .header("Location", containsString("/auth/realms/quarkus"))
                .header("Location", containsString("code_challenge="))
                .header("Location", containsString("code_challenge_method=S256"))
                .header("Location", containsString("client_id=smarttown-web"));
    }

    @Test
    void anApiCallWithoutATokenGets401NeverARedirect() {
        given().redirects().follow(false).get("/api/residents").then()
                .statusCode(401)
                .header("Location", nullValue())
                .header("WWW-Authenticate", "Bearer")
                .contentType("application/problem+json")
                .body("type", equalTo("urn:smarttown:problem:unauthorized"));
        given().redirects().follow(false).post("/partner/v1/sessions").then()
                .statusCode(401)
                .header("Location", nullValue());
    }

    @Test
    void theWebAppsAreForTheirRolesOnly() {
        given().auth().oauth2(Tokens.user("founder1", "founder")).get("/staff/").then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.user("welfare1", "welfare-staff")).get("/staff/").then()
                .statusCode(200)
                .body(containsString("직원 콘솔"));
        given().auth().oauth2(Tokens.user("founder1", "founder")).get("/book/").then()
                .statusCode(200)
                .body(containsString("예약"));
        given().auth().oauth2(Tokens.user("carer1", "care-worker")).get("/book/").then().statusCode(403);
    }

    @Test
    void calendarFeedsPassWithoutATokenBecauseTheirUrlIsTheSecret() {
        given().get("/api/mentoring/calendar/feeds/some-secret.ics").then().statusCode(200);
        given().get("/api/coworking/calendar/feeds/some-secret.ics").then().statusCode(200);
        // Only the feeds: the rest of the calendar API still needs a token.
        given().get("/api/mentoring/calendar/sessions/1.ics").then().statusCode(401);
    }

    @Test
    void theStartPageIsPublic() {
        given().get("/").then().statusCode(200).body(containsString("스마트타운"));
    }
}
