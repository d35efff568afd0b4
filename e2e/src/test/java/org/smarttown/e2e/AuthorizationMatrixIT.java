package org.smarttown.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every endpoint of every service × every role, through the gateway with real Keycloak tokens.
 * The table below is the written-down answer: a role it names must get past authorization (any
 * answer but 401, 403 or a 5xx: with made-up ids and empty bodies that is a 404 or a 400, so
 * nothing changes), every other role gets 403, a request without a token 401. The table must
 * list exactly the operations the services publish in their OpenAPI documents, so a new
 * endpoint cannot go without a row. Object-level rules (own object, someone else's) are in
 * {@link #someoneElsesObjectIsNotTheirs()}.
 */
class AuthorizationMatrixIT {

    /** One demo login per role (supervisor1 is also a care-worker, as supervisors are). */
    enum Caller {
        WELFARE("welfare-staff"),
        CARER("care-worker"),
        SUPERVISOR("care-supervisor", "care-worker"),
        MANAGER("space-manager"),
        FOUNDER("founder"),
        AGENCY("agency-partner"),
        HUB("device-hub"),
        ADMIN("admin"),
        NOBODY;

        final Set<String> roles;

        Caller(String... roles) {
            this.roles = Set.of(roles);
        }

        String token() {
            return switch (this) {
                case WELFARE -> Tokens.user("welfare1");
                case CARER -> Tokens.user("carer1");
                case SUPERVISOR -> Tokens.user("supervisor1");
                case MANAGER -> Tokens.user("manager1");
                // founder2, so that nothing here touches founder1, whom other tests use.
                case FOUNDER -> Tokens.user("founder2");
                case AGENCY -> Tokens.client("agency-a");
                case HUB -> Tokens.client("device-hub");
                case ADMIN -> Tokens.user("admin1");
                case NOBODY -> null;
            };
        }
    }

    /**
     * method, path as in the OpenAPI document, the roles allowed. "public" means no token is
     * needed (the URL holds the secret); the service then decides (404 for an unknown token).
     */
    private static final String MATRIX = """
            # resident-service
            GET    /api/residents                                             welfare-staff care-worker care-supervisor admin
            POST   /api/residents                                             welfare-staff
            GET    /api/residents/{id}                                        welfare-staff care-worker care-supervisor admin
            PATCH  /api/residents/{id}                                        welfare-staff
            POST   /api/residents/{id}/deactivate                             welfare-staff
            POST   /api/residents/{id}/rrn-reveal                             welfare-staff
            GET    /api/residents/{id}/risk                                   welfare-staff care-worker care-supervisor admin
            GET    /api/residents/map                                         welfare-staff care-supervisor admin
            GET    /api/residents/stats                                       welfare-staff care-supervisor admin
            GET    /api/residents/access-log                                  care-supervisor admin
            GET    /api/residents/duplicates                                  welfare-staff
            POST   /api/residents/duplicates/{id}/resolve                     welfare-staff
            POST   /api/residents/households                                  welfare-staff
            GET    /api/residents/households                                  welfare-staff care-supervisor admin
            GET    /api/residents/households/{id}                             welfare-staff care-supervisor admin
            GET    /api/residents/rrn-keys                                    admin
            POST   /api/residents/rrn-keys/re-encrypt                         admin
            POST   /api/residents/households/{id}/members                     welfare-staff
            POST   /api/residents/households/{id}/members/{residentId}/leave  welfare-staff
            POST   /api/residents/imports                                     welfare-staff
            GET    /api/residents/imports/{id}                                welfare-staff
            # care-service
            GET    /api/care/alerts                                           care-worker care-supervisor
            GET    /api/care/alerts/stream                                    care-worker care-supervisor
            GET    /api/care/alerts/stats                                     care-worker care-supervisor
            GET    /api/care/alerts/{id}                                      care-worker care-supervisor
            POST   /api/care/alerts/{id}/acknowledge                          care-worker care-supervisor
            POST   /api/care/alerts/{id}/dispatch                             care-worker care-supervisor
            POST   /api/care/alerts/{id}/resolve                              care-worker care-supervisor
            GET    /api/care/devices                                          care-worker care-supervisor
            POST   /api/care/devices                                          care-worker care-supervisor
            GET    /api/care/devices/{serial}                                 care-worker care-supervisor
            POST   /api/care/devices/{serial}/assign                          care-worker care-supervisor
            POST   /api/care/devices/{serial}/unassign                        care-worker care-supervisor
            GET    /api/care/profiles                                         care-worker care-supervisor
            GET    /api/care/profiles/{residentId}                            care-worker care-supervisor
            PATCH  /api/care/profiles/{residentId}                            care-supervisor
            POST   /api/care/readings                                         device-hub
            GET    /api/care/residents/{residentId}/vitals                    care-worker care-supervisor
            GET    /api/care/residents/{residentId}/fhir/observations         care-worker care-supervisor
            GET    /api/care/residents/{residentId}/fhir/screenings           care-worker care-supervisor
            GET    /api/care/residents/{residentId}/screenings                care-worker care-supervisor
            GET    /api/care/residents/{residentId}/summary                   care-worker care-supervisor
            PUT    /api/care/profiles/{residentId}/conditions                 care-worker care-supervisor
            POST   /api/care/screenings                                       care-worker care-supervisor
            GET    /api/care/screenings/instruments                           care-worker care-supervisor
            GET    /api/care/screenings/{id}                                  care-worker care-supervisor
            GET    /api/care/visits                                           care-worker care-supervisor
            POST   /api/care/visits                                           care-worker care-supervisor
            GET    /api/care/visits/overdue                                   care-supervisor
            GET    /api/care/visits/{id}                                      care-worker care-supervisor
            POST   /api/care/visits/{id}/done                                 care-worker care-supervisor
            POST   /api/care/visits/{id}/cancel                               care-supervisor
            GET    /api/care/vr/programmes                                    care-worker care-supervisor
            POST   /api/care/vr/programmes                                    care-supervisor
            GET    /api/care/vr/sessions                                      care-worker care-supervisor
            POST   /api/care/vr/sessions                                      care-worker care-supervisor
            GET    /api/care/vr/sessions/{id}                                 care-worker care-supervisor
            POST   /api/care/vr/sessions/{id}/enrolments                      care-worker care-supervisor
            DELETE /api/care/vr/sessions/{id}/enrolments/{residentId}         care-worker care-supervisor
            POST   /api/care/vr/sessions/{id}/enrolments/{residentId}/attendance  care-worker care-supervisor
            # coworking-service
            GET    /api/coworking/availability                                founder space-manager admin
            GET    /api/coworking/bookings                                    space-manager admin
            POST   /api/coworking/bookings                                    founder
            GET    /api/coworking/bookings/mine                               founder
            GET    /api/coworking/bookings/team                               founder
            POST   /api/coworking/bookings/recurring                          founder
            POST   /api/coworking/bookings/cancel                             founder
            POST   /api/coworking/bookings/check-in                           founder
            GET    /api/coworking/bookings/{id}                               founder space-manager admin
            GET    /api/coworking/bookings/{id}/calendar.ics                  founder space-manager admin
            POST   /api/coworking/bookings/{id}/cancel                        founder space-manager admin
            POST   /api/coworking/bookings/{id}/check-in                      space-manager admin
            POST   /api/coworking/calendar/feed                               founder
            GET    /api/coworking/calendar/feeds/{token}.ics                  public
            GET    /api/coworking/floors/{floor}/plan.svg                     founder space-manager admin
            GET    /api/coworking/members                                     space-manager admin
            POST   /api/coworking/members                                     founder
            GET    /api/coworking/members/me                                  founder
            GET    /api/coworking/members/{id}                                space-manager admin
            POST   /api/coworking/members/{id}/approve                        space-manager admin
            POST   /api/coworking/members/{id}/reject                         space-manager admin
            GET    /api/coworking/policies                                    founder space-manager admin
            PUT    /api/coworking/policies/{type}                             space-manager admin
            GET    /api/coworking/reports/occupancy                           space-manager admin
            GET    /api/coworking/reports/occupancy.csv                       space-manager admin
            GET    /api/coworking/spaces                                      founder space-manager admin
            POST   /api/coworking/spaces                                      space-manager admin
            GET    /api/coworking/spaces/{id}                                 founder space-manager admin
            GET    /api/coworking/spaces/{id}/closures                        founder space-manager admin
            POST   /api/coworking/spaces/{id}/closures                        space-manager admin
            POST   /api/coworking/waitlist                                    founder
            GET    /api/coworking/waitlist/mine                               founder
            POST   /api/coworking/waitlist/{id}/leave                         founder
            # startup-mentoring-service: founders and staff
            GET    /api/mentoring/agencies                                    founder admin
            POST   /api/mentoring/agencies                                    admin
            GET    /api/mentoring/agencies/{id}/report                        admin
            GET    /api/mentoring/mentors                                     founder admin
            GET    /api/mentoring/mentors/{id}                                founder admin
            GET    /api/mentoring/mentors/{id}/slots                          founder admin
            GET    /api/mentoring/session-types                               founder admin
            POST   /api/mentoring/sessions                                    founder
            GET    /api/mentoring/sessions/mine                               founder
            GET    /api/mentoring/sessions/{id}                               founder
            POST   /api/mentoring/sessions/{id}/cancel                        founder
            POST   /api/mentoring/sessions/{id}/reschedule                    founder
            POST   /api/mentoring/sessions/{id}/rating                        founder
            GET    /api/mentoring/sessions/{id}/calendar.ics                  founder
            GET    /api/mentoring/sessions/{id}/follow-up                     founder
            POST   /api/mentoring/sessions/{id}/follow-up/actions/{actionId}  founder
            POST   /api/mentoring/calendar/feed                               founder
            GET    /api/mentoring/calendar/feeds/{token}.ics                  public
            # startup-mentoring-service: the partner API
            GET    /partner/v1/mentors                                        agency-partner
            POST   /partner/v1/mentors                                        agency-partner
            GET    /partner/v1/mentors/{id}                                   agency-partner
            PUT    /partner/v1/mentors/{id}                                   agency-partner
            GET    /partner/v1/mentors/{id}/availability                      agency-partner
            PUT    /partner/v1/mentors/{id}/availability                      agency-partner
            GET    /partner/v1/session-types                                  agency-partner
            POST   /partner/v1/session-types                                  agency-partner
            GET    /partner/v1/session-types/{id}                             agency-partner
            PUT    /partner/v1/session-types/{id}                             agency-partner
            GET    /partner/v1/sessions                                       agency-partner
            GET    /partner/v1/sessions/{id}                                  agency-partner
            POST   /partner/v1/sessions/{id}/confirm                          agency-partner
            POST   /partner/v1/sessions/{id}/decline                          agency-partner
            POST   /partner/v1/sessions/{id}/cancel                           agency-partner
            POST   /partner/v1/sessions/{id}/complete                         agency-partner
            POST   /partner/v1/sessions/{id}/no-show                          agency-partner
            POST   /partner/v1/sessions/{id}/reschedule                       agency-partner
            GET    /partner/v1/sessions/{id}/follow-up                        agency-partner
            POST   /partner/v1/sessions/{id}/notes                            agency-partner
            POST   /partner/v1/sessions/{id}/follow-up-actions                agency-partner
            GET    /partner/v1/report                                         agency-partner
            GET    /partner/v1/webhooks                                       agency-partner
            POST   /partner/v1/webhooks                                       agency-partner
            DELETE /partner/v1/webhooks/{id}                                  agency-partner
            GET    /partner/v1/webhooks/{id}/deliveries                       agency-partner
            POST   /partner/v1/webhooks/deliveries/{deliveryId}/redeliver     agency-partner
            """;

    /** Where each service publishes its OpenAPI document (services answer it without a token). */
    private static final Map<String, String> OPENAPI = Map.of(
            "resident-service", "http://127.0.0.1:8081/q/openapi?format=json",
            "care-service", "http://127.0.0.1:8082/q/openapi?format=json",
            "coworking-service", "http://127.0.0.1:8083/q/openapi?format=json",
            "startup-mentoring-service", "http://127.0.0.1:8084/q/openapi?format=json");

    record Row(String method, String path, Set<String> allowed, boolean isPublic) {

        boolean allows(Caller caller) {
            return caller.roles.stream().anyMatch(allowed::contains);
        }

        String key() {
            return method + " " + path;
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Map<Caller, String> TOKENS = new EnumMap<>(Caller.class);

    @BeforeAll
    static void startSuite() {
        LocalSuite.ensureUp();
        TOKENS.putAll(tokens());
    }

    /** A token for every caller but NOBODY. */
    static Map<Caller, String> tokens() {
        Map<Caller, String> tokens = new EnumMap<>(Caller.class);
        for (Caller caller : Caller.values()) {
            if (caller != Caller.NOBODY) {
                tokens.put(caller, caller.token());
            }
        }
        return tokens;
    }

    /** Every operation the services publish in their OpenAPI documents, as "METHOD path" → its description. */
    static Map<String, JsonNode> publishedOperations() throws IOException, InterruptedException {
        Map<String, JsonNode> published = new java.util.TreeMap<>();
        ObjectMapper json = new ObjectMapper();
        for (var service : OPENAPI.entrySet()) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(service.getValue()))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), service.getKey() + " OpenAPI");
            JsonNode paths = json.readTree(response.body()).path("paths");
            paths.fieldNames().forEachRemaining(path -> paths.get(path).fields().forEachRemaining(operation -> {
                if (Set.of("get", "post", "put", "patch", "delete").contains(operation.getKey())) {
                    published.put(operation.getKey().toUpperCase() + " " + path, operation.getValue());
                }
            }));
        }
        return published;
    }

    /** A row's path with made-up values for its parameters: nothing they name exists. */
    static String fill(String path) {
        return path.replace("{serial}", "NO-SUCH-DEVICE")
                .replace("{type}", "MEETING_ROOM")
                .replace("{floor}", "1")
                .replace("{token}", "f".repeat(43))
                .replaceAll("\\{[A-Za-z]+}", UUID.randomUUID().toString());
    }

    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (String line : MATRIX.lines().map(String::strip).toList()) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+");
            Set<String> allowed = Set.copyOf(Arrays.asList(parts).subList(2, parts.length));
            rows.add(new Row(parts[0], parts[1], allowed, allowed.contains("public")));
        }
        return rows;
    }

    @Test
    void theTableListsExactlyTheOperationsTheServicesPublish() throws Exception {
        Set<String> published = publishedOperations().keySet();
        Set<String> tabled = rows().stream().map(Row::key).collect(Collectors.toCollection(TreeSet::new));
        Set<String> missing = new TreeSet<>(published);
        missing.removeAll(tabled);
        Set<String> stale = new TreeSet<>(tabled);
        stale.removeAll(published);
        assertTrue(missing.isEmpty() && stale.isEmpty(),
                "operations without a row: " + missing + "; rows no service publishes: " + stale);
        assertEquals(tabled.size(), rows().size(), "a row appears twice");
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointAnswersEveryRoleAsTheTableSays() {
        return rows().stream().map(row -> DynamicTest.dynamicTest(row.key(), () -> {
            Map<Caller, Integer> answers = new LinkedHashMap<>();
            List<String> wrong = new ArrayList<>();
            for (Caller caller : Caller.values()) {
                int status = call(row, TOKENS.get(caller));
                answers.put(caller, status);
                if (!expected(row, caller, status)) {
                    wrong.add(caller + " got " + status);
                }
            }
            if (!wrong.isEmpty()) {
                fail(row.key() + " (allowed: " + row.allowed() + "): " + wrong + "; all answers " + answers);
            }
        }));
    }

    @Test
    void someoneElsesObjectIsNotTheirs() throws Exception {
        ObjectMapper json = new ObjectMapper();
        String owner = TOKENS.get(Caller.FOUNDER);
        String other = Tokens.user("founder1");
        String manager = TOKENS.get(Caller.MANAGER);

        // founder2 books a phone booth; founder1 cannot see, export or cancel it, the manager can.
        String booth = json.readTree(body("GET", "/api/coworking/spaces?type=BOOTH", owner, null, 200))
                .path("items").get(0).path("id").asText();
        String booking = null;
        LocalDate day = LocalDate.now(ZoneId.of("Asia/Seoul")).plusDays(5);
        for (int slot = 0; slot < 28 && booking == null; slot++) {
            OffsetDateTime start = day.atTime(8, 0).plusMinutes(30L * slot).atOffset(ZoneOffset.ofHours(9));
            String request = "{\"spaceId\":\"" + booth + "\",\"start\":\"" + start + "\",\"end\":\"" + start.plusMinutes(30) + "\"}";
            HttpResponse<String> answer = send("POST", "/api/coworking/bookings", owner, request);
            if (answer.statusCode() == 201) {
                booking = json.readTree(answer.body()).path("id").asText();
            } else {
                assertEquals(409, answer.statusCode(), "booking a booth: " + answer.body());
            }
        }
        assertTrue(booking != null, "no free booth slot for founder2 on " + day);
        try {
            assertEquals(404, send("GET", "/api/coworking/bookings/" + booking, other, null).statusCode());
            assertEquals(404, send("GET", "/api/coworking/bookings/" + booking + "/calendar.ics", other, null).statusCode());
            assertEquals(404, send("POST", "/api/coworking/bookings/" + booking + "/cancel", other, "{}").statusCode());
            assertEquals(200, send("GET", "/api/coworking/bookings/" + booking, owner, null).statusCode());
            assertEquals(200, send("GET", "/api/coworking/bookings/" + booking, manager, null).statusCode());
        } finally {
            assertEquals(200, send("POST", "/api/coworking/bookings/" + booking + "/cancel", owner, "{}").statusCode());
        }

        // agency-b cannot read or change agency-a's mentor; agency-a can.
        String agencyA = TOKENS.get(Caller.AGENCY);
        String agencyB = Tokens.client("agency-b");
        String mentor = json.readTree(body("GET", "/partner/v1/mentors", agencyA, null, 200))
                .path("items").get(0).path("id").asText();
        assertEquals(200, send("GET", "/partner/v1/mentors/" + mentor, agencyA, null).statusCode());
        assertEquals(404, send("GET", "/partner/v1/mentors/" + mentor, agencyB, null).statusCode());
        assertEquals(404, send("GET", "/partner/v1/mentors/" + mentor + "/availability", agencyB, null).statusCode());
        assertEquals(404, send("PUT", "/partner/v1/mentors/" + mentor, agencyB,
                "{\"name\":\"Taken over\",\"email\":\"x@agency-b.example\",\"expertise\":[\"saas\"],\"languages\":[\"ko\"]}")
                .statusCode());
        String after = body("GET", "/partner/v1/mentors/" + mentor, agencyA, null, 200);
        assertTrue(!after.contains("Taken over") && after.contains("\"agencyId\":\"agency-a\""),
                "agency-a's mentor is unchanged: " + after);
    }

    private static HttpResponse<String> send(String method, String path, String token, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(LocalSuite.GATEWAY + path))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token);
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return Gateway.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String body(String method, String path, String token, String json, int status)
            throws IOException, InterruptedException {
        HttpResponse<String> response = send(method, path, token, json);
        assertEquals(status, response.statusCode(), method + " " + path + ": " + response.body());
        return response.body();
    }

    private static boolean expected(Row row, Caller caller, int status) {
        if (status >= 500) {
            return false;
        }
        if (row.isPublic()) {
            // No token needed: the made-up secret in the URL finds nothing, whoever asks.
            return status == 404;
        }
        if (caller == Caller.NOBODY) {
            return status == 401;
        }
        if (row.allows(caller)) {
            return status != 401 && status != 403;
        }
        return status == 403;
    }

    /** The row's request with made-up ids and an empty body; the status, once the gateway lets it through. */
    private static int call(Row row, String token) throws IOException, InterruptedException {
        String path = fill(row.path());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(LocalSuite.GATEWAY + path))
                .timeout(Duration.ofSeconds(20))
                // Any type: calendars, CSV, SVG and the event stream are not JSON, and a type the
                // endpoint cannot produce is refused (406) before its roles are looked at.
                .header("Accept", "*/*");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (row.method().equals("GET") || row.method().equals("DELETE")) {
            request.method(row.method(), HttpRequest.BodyPublishers.noBody());
        } else if (row.path().equals("/api/residents/imports")) {
            request.header("Content-Type", "text/csv").method(row.method(), HttpRequest.BodyPublishers.ofString(""));
        } else {
            request.header("Content-Type", "application/json").method(row.method(), HttpRequest.BodyPublishers.ofString("{}"));
        }
        // Headers are enough; the live alert stream would otherwise never end.
        HttpResponse<InputStream> response = Gateway.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        response.body().close();
        return response.statusCode();
    }
}
