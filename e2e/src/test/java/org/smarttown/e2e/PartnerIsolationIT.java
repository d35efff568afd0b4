package org.smarttown.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every partner endpoint called through the gateway with agency-b's real Keycloak token on
 * agency-a's objects: lists leave agency-a's objects out, reads and writes of them answer 404,
 * creations land in agency-b, and afterwards agency-a's objects are unchanged.
 */
class PartnerIsolationIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static String agencyA;
    private static String agencyB;

    @BeforeAll
    static void suite() {
        LocalSuite.ensureUp();
        agencyA = Tokens.client("agency-a");
        agencyB = Tokens.client("agency-b");
    }

    @Test
    void agencyBCanNeitherSeeNorChangeAnythingOfAgencyA() throws Exception {
        String founder = Tokens.user("founder1");
        String suffix = String.valueOf(System.nanoTime());
        // agency-a's objects: a mentor, a session type that needs confirmation, a session, a webhook
        // endpoint (nothing listens on port 9: its delivery fails and waits) and that delivery.
        String mentor = id(call("POST", "/partner/v1/mentors", agencyA, """
                {"name":"Isolation %s","expertise":["isolation"],"languages":["ko"],
                 "availability":{"weekly":[%s],"overrides":[],"holidays":[]}}""".formatted(suffix, everyDay()), 201));
        String type = id(call("POST", "/partner/v1/session-types", agencyA, """
                {"kind":"MENTORING","name":"Isolation %s","durationMinutes":60,"bufferBeforeMinutes":0,
                 "bufferAfterMinutes":0,"minBookingNoticeMinutes":0,"minChangeNoticeMinutes":0,
                 "requiresConfirmation":true,"seats":1}""".formatted(suffix), 201));
        String endpoint = id(call("POST", "/partner/v1/webhooks", agencyA,
                "{\"url\":\"http://127.0.0.1:9/isolation\",\"events\":[\"session.requested\"]}", 201));
        LocalDate day = LocalDate.now(ZoneId.of("Asia/Seoul")).plusDays(20);
        JsonNode slots = call("GET", "/api/mentoring/mentors/" + mentor + "/slots?sessionType=" + type + "&from=" + day
                + "&to=" + day, founder, null, 200);
        String start = slots.get(0).path("start").asText();
        String session = id(call("POST", "/api/mentoring/sessions", founder, """
                {"mentorId":"%s","sessionTypeId":"%s","start":"%s"}""".formatted(mentor, type, start), 201));
        JsonNode deliveries = call("GET", "/partner/v1/webhooks/" + endpoint + "/deliveries", agencyA, null, 200);
        String delivery = deliveries.path("items").get(0).path("id").asText();
        try {
            // Lists of agency-b leave agency-a's objects out.
            for (String list : List.of("/partner/v1/mentors?size=100", "/partner/v1/session-types?size=100",
                    "/partner/v1/sessions?size=100", "/partner/v1/webhooks?size=100")) {
                String body = call("GET", list, agencyB, null, 200).toString();
                for (String id : List.of(mentor, type, session, endpoint)) {
                    assertFalse(body.contains(id), list + " shows agency-a's " + id);
                }
            }
            String report = call("GET", "/partner/v1/report?from=" + day + "&to=" + day, agencyB, null, 200).toString();
            assertFalse(report.contains(mentor), report);

            // Every operation on one of agency-a's objects is a 404 for agency-b.
            String m = "/partner/v1/mentors/" + mentor;
            String t = "/partner/v1/session-types/" + type;
            String s = "/partner/v1/sessions/" + session;
            String mentorBody = "{\"name\":\"Taken over\",\"expertise\":[\"x\"],\"languages\":[\"ko\"]}";
            String typeBody = """
                    {"kind":"MENTORING","name":"Taken over","durationMinutes":15,"bufferBeforeMinutes":0,
                     "bufferAfterMinutes":0,"minBookingNoticeMinutes":0,"minChangeNoticeMinutes":0,
                     "requiresConfirmation":false,"seats":1}""";
            String[][] refused = {
                    { "GET", m, null }, { "PUT", m, mentorBody },
                    { "GET", m + "/availability", null }, { "PUT", m + "/availability", "{\"weekly\":[]}" },
                    { "GET", t, null }, { "PUT", t, typeBody },
                    { "GET", s, null },
                    { "POST", s + "/confirm", "{}" }, { "POST", s + "/decline", "{}" }, { "POST", s + "/cancel", "{}" },
                    { "POST", s + "/complete", "{}" }, { "POST", s + "/no-show", "{\"side\":\"GUEST\"}" },
                    { "POST", s + "/reschedule", "{\"start\":\"" + start + "\"}" },
                    { "GET", s + "/follow-up", null }, { "POST", s + "/notes", "{\"text\":\"not ours\"}" },
                    { "POST", s + "/follow-up-actions", "{\"title\":\"not ours\"}" },
                    { "GET", "/partner/v1/webhooks/" + endpoint + "/deliveries", null },
                    { "POST", "/partner/v1/webhooks/deliveries/" + delivery + "/redeliver", null },
                    { "DELETE", "/partner/v1/webhooks/" + endpoint, null } };
            for (String[] op : refused) {
                HttpResponse<String> answer = send(op[0], op[1], agencyB, op[2]);
                assertEquals(404, answer.statusCode(), op[0] + " " + op[1] + ": " + answer.body());
            }

            // What agency-b creates is agency-b's, whatever the body says.
            assertEquals(400, send("POST", "/partner/v1/mentors", agencyB,
                    "{\"name\":\"Sneaky\",\"agencyId\":\"agency-a\"}").statusCode());
            JsonNode created = call("POST", "/partner/v1/mentors", agencyB, "{\"name\":\"B's own " + suffix + "\"}", 201);
            assertEquals("agency-b", created.path("agencyId").asText());
            assertEquals("agency-b", call("POST", "/partner/v1/session-types", agencyB, typeBody, 201)
                    .path("agencyId").asText());
            String bEndpoint = id(call("POST", "/partner/v1/webhooks", agencyB,
                    "{\"url\":\"http://127.0.0.1:9/b\"}", 201));
            assertEquals(0, call("GET", "/partner/v1/webhooks/" + bEndpoint + "/deliveries", agencyB, null, 200)
                    .path("totalItems").asInt(), "agency-b's endpoint got agency-a's events");
            assertEquals(204, send("DELETE", "/partner/v1/webhooks/" + bEndpoint, agencyB, null).statusCode());

            // agency-a's objects are as they were.
            assertEquals("Isolation " + suffix, call("GET", m, agencyA, null, 200).path("name").asText());
            assertEquals(7, call("GET", m + "/availability", agencyA, null, 200).path("weekly").size());
            assertEquals(60, call("GET", t, agencyA, null, 200).path("durationMinutes").asInt());
            JsonNode after = call("GET", s, agencyA, null, 200);
            assertEquals("REQUESTED", after.path("status").asText());
            assertEquals(start, after.path("start").asText());
            assertEquals(1, after.path("changes").size());
            JsonNode followUp = call("GET", s + "/follow-up", agencyA, null, 200);
            assertEquals(0, followUp.path("notes").size() + followUp.path("actions").size());
            assertTrue(call("GET", "/partner/v1/webhooks?size=100", agencyA, null, 200).toString().contains(endpoint));
        } finally {
            send("DELETE", "/partner/v1/webhooks/" + endpoint, agencyA, null);
            send("POST", "/partner/v1/sessions/" + session + "/cancel", agencyA, "{\"reason\":\"e2e clean-up\"}");
        }
    }

    private static String everyDay() {
        return String.join(",", java.util.Arrays.stream(java.time.DayOfWeek.values())
                .map(d -> "{\"day\":\"" + d + "\",\"start\":\"09:00\",\"end\":\"17:00\"}").toList());
    }

    private static String id(JsonNode node) {
        return node.path("id").asText();
    }

    private static JsonNode call(String method, String path, String token, String json, int status)
            throws IOException, InterruptedException {
        HttpResponse<String> response = send(method, path, token, json);
        assertEquals(status, response.statusCode(), method + " " + path + ": " + response.body());
        return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    private static HttpResponse<String> send(String method, String path, String token, String json)
            throws IOException, InterruptedException {
        return Gateway.send(method, path, token, json);
    }
}
