package org.smarttown.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/** The running suite, through the gateway, with real tokens, a real broker and real databases. */
class SuiteIT {

    @BeforeAll
    static void startSuite() {
        LocalSuite.ensureUp();
        RestAssured.baseURI = LocalSuite.GATEWAY;
        RestAssured.config = RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.connection.timeout", 10_000).setParam("http.socket.timeout", 30_000));
    }

    static String resident(String name, boolean careConsent) {
        return """
                {"name":"%s","birthDate":"1948-07-15","sex":"M","phone":"010-5555-0101",
                 "address":{"dong":"문흥동","complex":"문흥주공1단지","building":"105","unit":"702"},
                 "consents":[{"purpose":"CARE_SERVICES","given":%s}]}
                """.formatted(name, careConsent);
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/residents", "/api/care/profiles", "/api/coworking/spaces",
            "/api/mentoring/mentors", "/partner/v1/sessions" })
    void everyRouteRefusesARequestWithoutAToken(String path) {
        given().get(path).then()
                .statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"));
    }

    @Test
    void aWrongRoleIsRefusedWith403() {
        given().auth().oauth2(Tokens.user("founder1")).contentType(ContentType.JSON).body(resident("권한없음", true))
                .post("/api/residents").then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.client("device-hub")).get("/api/residents").then().statusCode(403);
        given().auth().oauth2(Tokens.client("agency-a")).get("/api/care/profiles").then().statusCode(403);
    }

    @Test
    void partnerTokensCarryTheirAgency() {
        String token = Tokens.client("agency-b");
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        JsonPath claims = JsonPath.from(payload);
        assertEquals("agency-b", claims.getString("agency_id"));
        assertEquals(true, claims.getList("realm_access.roles").contains("agency-partner"));
    }

    @Test
    void aResidentRegisteredByWelfareStaffGetsACareProfileAcrossTheBroker() {
        String id = given().auth().oauth2(Tokens.user("welfare1")).contentType(ContentType.JSON)
                .body(resident("최복남", true))
                .post("/api/residents").then()
                .statusCode(201)
                .header("Location", startsWith("/api/residents/"))
                .header("X-Request-ID", not(emptyOrNullString()))
                .extract().path("id");

        String carer = Tokens.user("carer1");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> given().auth().oauth2(carer).get("/api/care/profiles/" + id).then()
                        .statusCode(200)
                        .body("name", equalTo("최복남"))
                        .body("complex", equalTo("문흥주공1단지")));
    }

    /**
     * A care worker's screening travels as ScreeningCompleted from care-service over the broker to
     * resident-service, whose risk score takes in the latest band: up for a moderate PHQ-9, back
     * down when a newer one is minimal.
     */
    @Test
    void aScreeningBandReachesTheResidentsRiskScoreAcrossTheBroker() {
        String welfare = Tokens.user("welfare1");
        String carer = Tokens.user("carer1");
        String id = given().auth().oauth2(welfare).contentType(ContentType.JSON).body(resident("심사람", true))
                .post("/api/residents").then().statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> given().auth().oauth2(carer).get("/api/care/profiles/" + id).then().statusCode(200));
        int before = given().auth().oauth2(welfare).get("/api/residents/" + id + "/risk").then()
                .statusCode(200)
                .body("signals.signal", not(hasItem("SCREENING_MODERATE")))
                .extract().path("score");

        screen(carer, id, "[2,2,2,1,1,1,1,2,0]").body("band", equalTo("MODERATE"));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> given().auth().oauth2(welfare).get("/api/residents/" + id + "/risk").then()
                        .body("signals.findAll { it.signal == 'SCREENING_MODERATE' }.source", contains("care-service"))
                        .body("score", equalTo(before + 15)));

        screen(carer, id, "[0,0,0,0,0,0,0,0,0]").body("band", equalTo("MINIMAL"));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> given().auth().oauth2(welfare).get("/api/residents/" + id + "/risk").then()
                        .body("signals.signal", not(hasItem(startsWith("SCREENING_"))))
                        .body("score", equalTo(before)));
    }

    private static ValidatableResponse screen(String token, String residentId, String answers) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"residentId\":\"%s\",\"instrument\":\"PHQ-9\",\"answers\":%s}".formatted(residentId, answers))
                .post("/api/care/screenings").then().statusCode(201);
    }

    @Test
    void partnersReadTheirApiDocumentThroughTheGateway() {
        given().auth().oauth2(Tokens.client("agency-a")).queryParam("format", "json").get("/partner/v1/openapi").then()
                .statusCode(200)
                .body("paths", hasKey("/partner/v1/mentors"))
                .body("components.securitySchemes.partner.type", equalTo("oauth2"));
    }

    @Test
    void aResidentWithoutCareConsentGetsNoCareProfile() {
        String id = given().auth().oauth2(Tokens.user("welfare1")).contentType(ContentType.JSON)
                .body(resident("동의없음", false))
                .post("/api/residents").then().statusCode(201).extract().path("id");
        String carer = Tokens.user("carer1");
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> given().auth().oauth2(carer).get("/api/care/profiles/" + id).then()
                        .statusCode(404));
    }

    @Test
    void badInputIsAProblemThroughTheGateway() {
        String welfare = Tokens.user("welfare1");
        given().auth().oauth2(welfare).contentType(ContentType.JSON).body("{\"name\":")
                .post("/api/residents").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:smarttown:problem:malformed-json"));
        given().auth().oauth2(welfare).contentType(ContentType.JSON).body(resident("큰".repeat(700_000), true))
                .post("/api/residents").then()
                .statusCode(413);
        given().auth().oauth2(welfare).get("/api/residents/no/such/path").then()
                .statusCode(404)
                .contentType("application/problem+json");
    }
}
