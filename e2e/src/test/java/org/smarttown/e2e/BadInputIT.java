package org.smarttown.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smarttown.e2e.AuthorizationMatrixIT.Caller;
import org.smarttown.e2e.AuthorizationMatrixIT.Row;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Generated malformed requests against every write endpoint, through the gateway, each sent by a
 * role that may call it: broken JSON, wrong types, nulls, missing and extra fields, huge strings
 * and arrays, impossible dates and offsets, Unicode that is not clean (unpaired surrogates,
 * control and direction-override characters), and SQL and HTML injection strings in fields with
 * a format; and, on every write endpoint, ids and query values no id or value can be. Every answer
 * must be a 4xx problem+json, never a 5xx, and afterwards every collection a request could have
 * added to holds exactly what it held before.
 */
class BadInputIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<Caller, String> TOKENS = new LinkedHashMap<>();

    /** Bodies that are wrong whatever the endpoint expects. */
    private static final List<String> MALFORMED = List.of(
            "{", "}", "{\"a\":}", "{\"a\":1,}", "{'a':1}", "{\"a\":NaN}", "{\"a\":1}/* comment */",
            "{\"a\":\"unterminated}", "[]", "[{}]", "\"text\"", "42", "true", "null", "{\"a\":1}{\"b\":2}",
            "{\"a\":\"\\x41\"}", "{\"a\":\"\\ud800\"}", "{\"a\":01}", "{\"a\":1e999999}",
            "[".repeat(5_000) + "]".repeat(5_000),
            "{\"unknownField\":\"<script>alert(1)</script>\",\"another\":\"' OR '1'='1\"}");

    @BeforeAll
    static void startSuite() {
        LocalSuite.ensureUp();
        TOKENS.putAll(AuthorizationMatrixIT.tokens());
    }

    record Sent(String what, int status, String contentType, String body) {
    }

    @Test
    void malformedBodiesOnEveryWriteEndpointAreProblemsAndStoreNothing() throws Exception {
        Set<String> withBodies = operationsWithARequestBody();
        Map<String, Long> before = collections();
        List<String> wrong = new ArrayList<>();
        int sent = 0;
        for (Row row : AuthorizationMatrixIT.rows()) {
            if (!withBodies.contains(row.key()) || row.isPublic()) {
                continue;
            }
            Caller caller = firstAllowed(row);
            for (String body : bodiesFor(row)) {
                Sent answer = send(row.method(), AuthorizationMatrixIT.fill(row.path()), caller,
                        row.path().equals("/api/residents/imports") ? "text/csv" : "application/json",
                        body.getBytes(StandardCharsets.UTF_8));
                sent++;
                check(row.key() + " " + abbreviate(body), answer, wrong);
            }
            // Bytes that are not UTF-8 at all, and a body over the gateway's size limit.
            sent += 2;
            check(row.key() + " invalid UTF-8", send(row.method(), AuthorizationMatrixIT.fill(row.path()), caller, "application/json",
                    new byte[] { '{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}' }), wrong);
            check(row.key() + " 2 MB body", send(row.method(), AuthorizationMatrixIT.fill(row.path()), caller, "application/json",
                    ("{\"a\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8)), wrong);
        }
        assertTrue(wrong.isEmpty(), wrong.size() + " of " + sent + " answers were not a 4xx problem:\n" + String.join("\n", wrong));
        assertTrue(sent >= 1000, "only " + sent + " malformed requests were generated");
        assertEquals(before, collections(), "a malformed request changed what is stored");
    }

    /**
     * Path parameters no id or code can be, percent-encoded as a client would send them: not an id,
     * injection strings, direction and zero-width marks, an unpaired surrogate's bytes (which arrive
     * as U+FFFD), a NUL, a path climbing out, and 3,000 characters.
     */
    private static final List<String> BAD_PATH_VALUES = List.of("not-a-uuid", "1'%20OR%20'1'%3D'1",
            "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "%E2%80%AEabc", "abc%E2%80%8B", "%ED%A0%80", "%00", "..%2F..%2Fetc",
            "-1", "x".repeat(3_000));

    /** Query values no parameter takes, for the writes that read one. */
    private static final List<String> BAD_QUERY_VALUES = List.of("-1", "0", "abc", "99999999999999999999", "1e3",
            "1'%20OR%201%3D1", "%ED%A0%80", "%00");

    @Test
    void malformedIdsAndQueryValuesOnEveryWriteEndpointAreProblemsAndStoreNothing() throws Exception {
        Map<String, Long> before = collections();
        List<String> wrong = new ArrayList<>();
        int sent = 0;
        for (Row row : writeEndpoints()) {
            Caller caller = firstAllowed(row);
            byte[] body = row.method().equals("DELETE") ? null : "{}".getBytes(StandardCharsets.UTF_8);
            String type = row.path().equals("/api/residents/imports") ? "text/csv" : "application/json";
            List<String> paths = new ArrayList<>();
            java.util.regex.Matcher parameters = java.util.regex.Pattern.compile("\\{[A-Za-z]+}").matcher(row.path());
            while (parameters.find()) {
                // One parameter bad at a time, the others made up but well formed.
                for (String bad : BAD_PATH_VALUES) {
                    paths.add(AuthorizationMatrixIT.fill(row.path().replace(parameters.group(), bad)));
                }
            }
            if (row.path().equals("/api/residents/rrn-keys/re-encrypt")) {
                for (String bad : BAD_QUERY_VALUES) {
                    paths.add(row.path() + "?limit=" + bad);
                }
            }
            for (String path : paths) {
                Sent answer = send(row.method(), path, caller, type, body);
                sent++;
                check(row.key() + " as " + abbreviate(path), answer, wrong);
            }
        }
        assertTrue(wrong.isEmpty(), wrong.size() + " of " + sent + " answers were not a 4xx problem:\n" + String.join("\n", wrong));
        assertTrue(sent >= 400, "only " + sent + " requests with malformed ids were generated");
        assertEquals(before, collections(), "a request with a malformed id changed what is stored");
    }

    /**
     * A request target that is no valid URI (a bare '%', a broken escape, a raw '|') on every write
     * endpoint: the gateway answers with a problem and passes nothing on. Sent over a raw socket, since
     * every HTTP client here encodes or refuses such a target itself.
     */
    @Test
    void requestTargetsThatAreNoValidUriAreProblemsAtTheGatewayAndStoreNothing() throws Exception {
        Map<String, Long> before = collections();
        List<String> wrong = new ArrayList<>();
        int sent = 0;
        for (Row row : writeEndpoints()) {
            String token = TOKENS.get(firstAllowed(row));
            String path = AuthorizationMatrixIT.fill(row.path());
            List<String> targets = new ArrayList<>(List.of(path + "?q=100%", path + "?q=%zz", path + "?q=a|b"));
            if (row.path().contains("{")) {
                targets.add(AuthorizationMatrixIT.fill(row.path().replaceFirst("\\{[A-Za-z]+}", "%zz")));
            }
            for (String target : targets) {
                String answer = raw(row.method() + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nAuthorization: Bearer "
                        + token + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
                sent++;
                if (!answer.startsWith("HTTP/1.1 400 ") || !answer.toLowerCase().contains("content-type: application/problem+json")
                        || !answer.contains("urn:smarttown:problem:malformed-request")) {
                    wrong.add(row.key() + " as " + abbreviate(target) + ": " + abbreviate(answer.replace("\r\n", " | ")));
                }
            }
        }
        assertTrue(wrong.isEmpty(), wrong.size() + " of " + sent + " answers were not a malformed-request problem:\n"
                + String.join("\n", wrong));
        assertTrue(sent >= 200, "only " + sent + " malformed request targets were sent");
        assertEquals(before, collections(), "a request with a malformed target changed what is stored");
    }

    /** HTTP/1.1 requires a Host header: without one, the gateway and each service answer a 400 problem, not a 500. */
    @Test
    void aRequestWithoutAHostHeaderIsA400ProblemEverywhere() throws Exception {
        for (int port : new int[] { URI.create(LocalSuite.GATEWAY).getPort(), 8081, 8082, 8083, 8084 }) {
            for (String path : List.of("/q/health/ready", "/api/residents", "/api/care/alerts", "/api/coworking/spaces")) {
                String answer = raw(port, "GET " + path + " HTTP/1.1\r\nConnection: close\r\n\r\n");
                assertTrue(answer.startsWith("HTTP/1.1 400 ") && answer.toLowerCase().contains("content-type: application/problem+json"),
                        "port " + port + ", " + path + ": " + abbreviate(answer.replace("\r\n", " | ")));
            }
        }
    }

    /** The role table's rows that write through a service: not reads, not public, not the gateway's own. */
    private static List<Row> writeEndpoints() {
        return AuthorizationMatrixIT.rows().stream()
                .filter(row -> !row.method().equals("GET") && !row.isPublic() && !row.gateway()).toList();
    }

    private static String raw(String request) throws IOException {
        return raw(URI.create(LocalSuite.GATEWAY).getPort(), request);
    }

    private static String raw(int port, String request) throws IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aBadFieldInAnOtherwiseValidBodyIsRefusedNamingItAndStoresNothing() throws Exception {
        Map<String, Long> before = collections();
        List<String> wrong = new ArrayList<>();
        int sent = 0;
        for (Template template : templates()) {
            for (Map.Entry<String, List<String>> field : template.badValues().entrySet()) {
                for (String bad : field.getValue()) {
                    ObjectNode body = (ObjectNode) JSON.readTree(template.valid());
                    set(body, field.getKey(), bad == null ? null : JSON.readTree(bad));
                    Sent answer = send("POST", template.path(), template.caller(), "application/json",
                            JSON.writeValueAsBytes(body));
                    sent++;
                    String what = "POST " + template.path() + " " + field.getKey() + "=" + abbreviate(String.valueOf(bad));
                    if (answer.status() != 400) {
                        wrong.add(what + " → " + answer.status() + " " + abbreviate(answer.body()));
                    } else if (!answer.body().contains(leaf(field.getKey()))) {
                        wrong.add(what + " → 400 without naming the field: " + abbreviate(answer.body()));
                    } else {
                        check(what, answer, wrong);
                    }
                }
            }
        }
        assertTrue(wrong.isEmpty(), wrong.size() + " of " + sent + " answers were wrong:\n" + String.join("\n", wrong));
        assertEquals(before, collections(), "a refused request changed what is stored");
    }

    /** A valid body for a create endpoint and, per field, values that must each make it a 400. */
    record Template(String path, Caller caller, String valid, Map<String, List<String>> badValues) {
    }

    private static final String HUGE = "\"" + "가".repeat(10_001) + "\"";
    private static final List<String> UNCLEAN = List.of("\"\\ud800\"", "\"a\\u0000b\"", "\"evil\\u202etxt.exe\"", "\"\\udc00x\"");
    private static final List<String> INJECTION = List.of("\"' OR '1'='1\"", "\"1; DROP TABLE resident; --\"",
            "\"<script>alert(1)</script>\"", "\"<img src=x onerror=alert(1)>\"");

    static List<Template> templates() {
        String serial = "BAD-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        // A registration number no other resident has (female, born 1944-07-15), so the valid
        // body would be accepted: only the one bad field can be why a request is refused.
        String rrn = "440715-2" + String.format("%06d", new java.util.Random().nextInt(1_000_000));
        return List.of(
                new Template("/api/residents", Caller.WELFARE, """
                        {"name":"검증용","birthDate":"1944-07-15","sex":"F","rrn":"RRN","phone":"010-1234-5678",
                         "address":{"dong":"두암동","complex":"두암주공2단지","building":"201","unit":"1103"},
                         "location":{"lat":35.1740,"lon":126.9270},"categories":["ELDERLY","LIVING_ALONE"],
                         "emergencyContacts":[{"name":"박민수","relation":"SON","phone":"010-2222-3333"}],
                         "consents":[{"purpose":"CARE_SERVICES","given":true}]}""".replace("RRN", rrn), fields(
                        "name", join(List.of("\"\"", HUGE, "[\"김\"]", "{\"a\":1}"), UNCLEAN),
                        "birthDate", join(List.of("\"2999-01-01\"", "\"1945-02-30\"", "\"1945-13-01\"", "\"02/03/1945\"",
                                "\"1945-03-02T00:00:00+25:00\"", "19450302", "\"\"", "\"+999999999-01-01\""), INJECTION),
                        "rrn", join(List.of("\"440732-2123456\"", "\"441315-2123456\"", "\"4407152123456\"", "\"44O715-2123456\"",
                                "\"440715-3123456\"", "\"440715-2123456\\u200b\"", "4407152123456", "\"" + "1".repeat(10_000) + "\""),
                                INJECTION, UNCLEAN),
                        "sex", List.of("\"X\"", "\"<b>F</b>\""),
                        "location.lat", List.of("200", "-91", "\"north\"", "1e400"),
                        "location.lon", List.of("500", "[126.9]"),
                        "categories", List.of("[\"UNKNOWN\"]", "\"ELDERLY\"", "[\"ELDERLY'; DROP TABLE x; --\"]"),
                        "address", List.of("\"두암동\"", "[]"),
                        "emergencyContacts", List.of("\"박민수\"", "[{\"name\":\"박민수\",\"relation\":\"SON\",\"phone\":\"010-2222-3333\",\"admin\":true}]"),
                        "consents", List.of("[{\"purpose\":\"NOPE\",\"given\":true}]", "[{\"purpose\":\"CARE_SERVICES\",\"given\":\"yes\"}]"),
                        "isAdmin", List.of("true"))),
                new Template("/api/care/devices", Caller.SUPERVISOR,
                        "{\"serial\":\"" + serial + "\",\"type\":\"SMART_BAND\",\"firmware\":\"1.0.0\",\"heartbeatIntervalSeconds\":300}",
                        fields("serial", join(List.of("null", "\"sb 0001\"", "\"ab\"", "\"" + "A".repeat(41) + "\"", "12345"), INJECTION, UNCLEAN),
                                "type", List.of("\"TOASTER\"", "null", "\"smart_band\""),
                                "heartbeatIntervalSeconds", List.of("0", "-1", "86401", "3.5", "99999999999999999999"),
                                "firmware", join(List.of("\"" + "9".repeat(41) + "\""), UNCLEAN))),
                new Template("/api/coworking/spaces", Caller.MANAGER, """
                        {"code":"Z-BAD1","type":"DESK","name":"Bad input desk","capacity":1,"equipment":[],"floor":1,"x":10,"y":10}""",
                        fields("code", join(List.of("\"desk 1\"", "\"\"", "null"), INJECTION),
                                "type", List.of("\"SOFA\"", "null"),
                                "name", join(List.of("\"\"", "\"" + "x".repeat(101) + "\""), UNCLEAN),
                                "capacity", List.of("0", "101", "\"one\"", "null"),
                                "x", List.of("-1", "2001", "null"),
                                "equipment", List.of("[\"\"]", "\"wifi\"", "[" + "\"a\",".repeat(20) + "\"a\"]"),
                                "opensAt", List.of("\"25:00\"", "\"08:00+09:00:00x\"", "\"eight\""),
                                "closedWeekdays", List.of("[\"FUNDAY\"]", "[8]"))),
                new Template("/partner/v1/mentors", Caller.AGENCY, """
                        {"name":"Bad Input","email":"bad.input@agency-a.example","bio":"x","expertise":["saas"],"languages":["ko"]}""",
                        fields("name", join(List.of("\"\"", "null", "\"" + "n".repeat(201) + "\""), UNCLEAN),
                                "email", List.of("\"not-an-email\"", "\"<script>@x\"", "42"),
                                "expertise", List.of("[\"a,b\"]", "[\"\"]", "\"saas\""),
                                "languages", List.of("[\"" + "k".repeat(21) + "\"]", "{}"),
                                "agencyId", List.of("\"agency-b\""))));
    }

    // --- what is stored ----------------------------------------------------------------------

    /** The size of every collection a write in this suite could add to, as its callers see it. */
    private static Map<String, Long> collections() throws IOException, InterruptedException {
        Map<String, Long> sizes = new TreeMap<>();
        sizes.put("residents", size(Caller.WELFARE, "/api/residents?size=1"));
        sizes.put("residents.duplicates", size(Caller.WELFARE, "/api/residents/duplicates?size=1"));
        sizes.put("care.devices", size(Caller.SUPERVISOR, "/api/care/devices?size=1"));
        sizes.put("coworking.spaces", size(Caller.MANAGER, "/api/coworking/spaces?size=1"));
        sizes.put("coworking.members", size(Caller.MANAGER, "/api/coworking/members?size=1"));
        sizes.put("coworking.bookings", size(Caller.MANAGER, "/api/coworking/bookings?size=1"));
        sizes.put("mentoring.agencies", size(Caller.ADMIN, "/api/mentoring/agencies?size=1"));
        sizes.put("mentoring.mentors", size(Caller.AGENCY, "/partner/v1/mentors?size=1"));
        sizes.put("mentoring.session-types", size(Caller.AGENCY, "/partner/v1/session-types?size=1"));
        sizes.put("mentoring.sessions", size(Caller.AGENCY, "/partner/v1/sessions?size=1"));
        sizes.put("mentoring.webhooks", size(Caller.AGENCY, "/partner/v1/webhooks?size=1"));
        return sizes;
    }

    private static long size(Caller caller, String path) throws IOException, InterruptedException {
        Sent answer = send("GET", path, caller, null, null);
        assertEquals(200, answer.status(), path + ": " + answer.body());
        JsonNode list = JSON.readTree(answer.body());
        return list.isArray() ? list.size() : list.path("totalItems").asLong(-1);
    }

    // --- helpers -------------------------------------------------------------------------------

    private static void check(String what, Sent answer, List<String> wrong) {
        if (answer.status() < 400 || answer.status() >= 500) {
            wrong.add(what + " → " + answer.status() + " " + abbreviate(answer.body()));
        } else if (!answer.contentType().startsWith("application/problem+json")) {
            wrong.add(what + " → " + answer.status() + " as " + answer.contentType() + ": " + abbreviate(answer.body()));
        }
    }

    private static List<String> bodiesFor(Row row) {
        List<String> bodies = new ArrayList<>(MALFORMED);
        // Every field of the endpoint's DTOs is unknown to the others: an object of wrong-typed
        // guesses at common field names is refused either as unknown or as the wrong type.
        bodies.add("{\"name\":[],\"start\":\"yesterday\",\"id\":{},\"residentId\":\"not-a-uuid\"}");
        bodies.add("{\"start\":\"2026-02-30T10:00:00+09:00\",\"end\":\"2026-13-01T10:00:00+09:00\"}");
        bodies.add("{\"start\":\"2026-12-01T10:00:00+99:00\"}");
        bodies.add("{\"reason\":\"\\ud800 unpaired\"}");
        bodies.add("{\"items\":[" + "0,".repeat(200_000) + "0]}");
        bodies.add("{\"note\":" + HUGE + ",\"junk\":true}");
        bodies.add("{\"spaceId\":\"1' OR '1'='1\",\"mentorId\":\"<script>\"}");
        return bodies;
    }

    private static Caller firstAllowed(Row row) {
        for (Caller caller : Caller.values()) {
            if (caller != Caller.NOBODY && row.allows(caller)) {
                return caller;
            }
        }
        throw new IllegalStateException(row.key() + " allows no caller");
    }

    private static Set<String> operationsWithARequestBody() throws IOException, InterruptedException {
        Set<String> operations = new java.util.TreeSet<>();
        AuthorizationMatrixIT.publishedOperations().forEach((operation, description) -> {
            if (description.has("requestBody")) {
                operations.add(operation);
            }
        });
        assertTrue(operations.size() > 30, "write endpoints found in the OpenAPI documents: " + operations);
        return operations;
    }

    private static Sent send(String method, String path, Caller caller, String contentType, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(LocalSuite.GATEWAY + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + TOKENS.get(caller));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        }
        HttpResponse<String> response = Gateway.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Sent(method + " " + path, response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(""), response.body());
    }

    /** Sets a dotted path ("location.lat") in the body; null removes nothing but sets JSON null. */
    private static void set(ObjectNode body, String path, JsonNode value) {
        String[] parts = path.split("\\.");
        ObjectNode node = body;
        for (int i = 0; i < parts.length - 1; i++) {
            node = (ObjectNode) node.get(parts[i]);
        }
        node.set(parts[parts.length - 1], value == null ? JSON.nullNode() : value);
    }

    private static String leaf(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    @SafeVarargs
    private static List<String> join(List<String>... lists) {
        List<String> all = new ArrayList<>();
        for (List<String> list : lists) {
            all.addAll(list);
        }
        return all;
    }

    private static Map<String, List<String>> fields(Object... pairs) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<String> values = (List<String>) pairs[i + 1];
            fields.put((String) pairs[i], values);
        }
        return fields;
    }

    private static String abbreviate(String text) {
        String oneLine = text.replace('\n', ' ');
        return oneLine.length() <= 160 ? oneLine : oneLine.substring(0, 160) + "…(" + oneLine.length() + " chars)";
    }
}
