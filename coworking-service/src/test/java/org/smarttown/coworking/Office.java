package org.smarttown.coworking;

import static io.restassured.RestAssured.given;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.smarttown.commons.testing.TestTokens;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Test data made through the API itself: each test makes its own founders and spaces. */
public final class Office {

    public static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    public static final String MANAGER = TestTokens.user("manager1", "space-manager");

    private Office() {
    }

    /** A founder with a token and, once approved, a membership. */
    public record Founder(String username, String token, String memberId) {
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** A founder who applied (aged 30) and is waiting for a decision. */
    public static Founder pendingFounder(String team) {
        String username = unique("founder");
        String token = TestTokens.user(username, "founder");
        String id = as(token).body(application(LocalDate.now(SEOUL).minusYears(30), team))
                .post("/api/coworking/members").then().statusCode(201).extract().path("id");
        return new Founder(username, token, id);
    }

    public static Founder approvedFounder() {
        return approvedFounder(null);
    }

    public static Founder approvedFounder(String team) {
        Founder founder = pendingFounder(team);
        as(MANAGER).body(Map.of("cohort", "2026-A")).post("/api/coworking/members/" + founder.memberId() + "/approve")
                .then().statusCode(200);
        return founder;
    }

    public static Map<String, Object> application(LocalDate birthDate, String team) {
        var body = new java.util.HashMap<String, Object>();
        body.put("name", "Kim Min-ji");
        body.put("birthDate", birthDate.toString());
        body.put("startupName", "Haneul Labs");
        body.put("businessStage", "PROTOTYPE");
        if (team != null) {
            body.put("team", team);
        }
        return body;
    }

    /** A space open from 00:00 to 23:30 every day, so that tests may use any hour. */
    public static String space(String type) {
        return space(type, Map.of());
    }

    public static String space(String type, Map<String, Object> overrides) {
        var body = new java.util.HashMap<String, Object>();
        body.put("code", "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT));
        body.put("type", type);
        body.put("name", "Test " + type);
        body.put("capacity", type.equals("MEETING_ROOM") ? 6 : 1);
        body.put("equipment", type.equals("MEETING_ROOM") ? java.util.List.of("projector", "whiteboard") : java.util.List.of());
        body.put("floor", 9);
        body.put("x", 100);
        body.put("y", 100);
        body.put("opensAt", "00:00");
        body.put("closesAt", "23:30");
        body.putAll(overrides);
        return as(MANAGER).body(body).post("/api/coworking/spaces").then().statusCode(201).extract().path("id");
    }

    public static LocalDate day(int daysFromToday) {
        return LocalDate.now(SEOUL).plusDays(daysFromToday);
    }

    public static String at(LocalDate day, String time) {
        return OffsetDateTime.of(day, LocalTime.parse(time), SEOUL.getRules().getOffset(day.atStartOfDay()))
                .format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    public static Map<String, Object> booking(String spaceId, LocalDate day, String from, String to) {
        return Map.of("spaceId", spaceId, "start", at(day, from), "end", at(day, to));
    }

    public static Response book(Founder founder, String spaceId, LocalDate day, String from, String to) {
        return as(founder.token()).body(booking(spaceId, day, from, to)).post("/api/coworking/bookings");
    }
}
