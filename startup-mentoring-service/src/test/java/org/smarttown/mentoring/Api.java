package org.smarttown.mentoring;

import static io.restassured.RestAssured.given;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.smarttown.commons.testing.TestTokens;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Test data made through the HTTP API with real tokens, as a client would make it. */
public final class Api {

    public static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    public static final String ADMIN = TestTokens.user("admin1", "admin");
    /** Every partner scope, as a client gets them by asking for all (the realm's optional client scopes). */
    public static final String ALL_SCOPES = "profile email mentors:read mentors:write sessions:read sessions:write "
            + "webhooks:manage";
    public static final String AGENCY_A = agency("agency-a", ALL_SCOPES);
    public static final String AGENCY_B = agency("agency-b", ALL_SCOPES);

    private Api() {
    }

    /** A client-credentials token of an agency (client id = agency id) with the given {@code scope} claim. */
    public static String agency(String agencyId, String scope) {
        return OidcWiremockTestResource.generateJwtToken("service-account-" + agencyId, Set.of("agency-partner"),
                "client-" + agencyId, "Bearer", Set.of(TestTokens.AUDIENCE),
                Map.of("agency_id", agencyId, "azp", agencyId, "scope", scope));
    }

    public static String founder(String name) {
        return TestTokens.user(name, "founder");
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** Registers agency-a and agency-b once; later calls find them there (409) and go on. */
    public static void agencies() {
        for (String id : List.of("agency-a", "agency-b")) {
            int status = as(ADMIN).body(Map.of("id", id, "name", id.toUpperCase())).post("/api/mentoring/agencies")
                    .then().extract().statusCode();
            if (status != 201 && status != 409) {
                throw new IllegalStateException("agency " + id + ": " + status);
            }
        }
    }

    /** Hours every day of the week, Seoul time. */
    public static Map<String, Object> everyDay(String start, String end) {
        return Map.of("weekly", java.util.Arrays.stream(DayOfWeek.values())
                .map(day -> Map.of("day", day.name(), "start", start, "end", end)).toList(),
                "overrides", List.of(), "holidays", List.of());
    }

    public static String mentor(String agencyToken, String name, List<String> expertise, Map<String, Object> availability) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("bio", "Mentor " + name);
        body.put("expertise", expertise);
        body.put("languages", List.of("ko", "en"));
        body.put("availability", availability);
        return as(agencyToken).body(body).post("/partner/v1/mentors").then().statusCode(201).extract().path("id");
    }

    public static Map<String, Object> sessionType(String kind, int duration) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", kind);
        body.put("name", kind + " " + duration);
        body.put("durationMinutes", duration);
        body.put("bufferBeforeMinutes", 0);
        body.put("bufferAfterMinutes", 0);
        body.put("minBookingNoticeMinutes", 0);
        body.put("minChangeNoticeMinutes", 0);
        body.put("requiresConfirmation", false);
        body.put("seats", 1);
        return body;
    }

    public static String createSessionType(String agencyToken, Map<String, Object> body) {
        return as(agencyToken).body(body).post("/partner/v1/session-types").then().statusCode(201).extract().path("id");
    }

    /** A Monday at least a week ahead, so notice rules of tests never touch it. */
    public static LocalDate mondayAhead(int weeks) {
        return LocalDate.now(SEOUL).with(TemporalAdjusters.next(DayOfWeek.MONDAY)).plusWeeks(weeks);
    }

    public static String at(LocalDate date, String time) {
        return date + "T" + time + ":00+09:00";
    }

    public static Map<String, Object> booking(String mentorId, String typeId, String start) {
        return Map.of("mentorId", mentorId, "sessionTypeId", typeId, "start", start);
    }
}
