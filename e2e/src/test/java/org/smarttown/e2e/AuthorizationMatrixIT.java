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
 * Every endpoint of every service and of the gateway × every caller, through the gateway with real
 * Keycloak tokens, on no object: made-up ids and an empty body. The table writes down each row's
 * answer: the one the roles it names get (a 404 for an id nobody has, a 400 for the empty body, a
 * 200 for a list), any caller's own answer where it differs, 403 for every other role and 401
 * without a token. The service rows must be exactly the operations the services publish in their
 * OpenAPI documents, so a new endpoint cannot go without a row. The same endpoints on a real
 * object, the caller's own and someone else's, are {@link ObjectAuthorizationMatrixIT}'s table.
 * <p>
 * Three rows complete a write: re-encrypting registration numbers under the key already in use
 * (nothing to do, and harmless when there is), and founder2's two new calendar-feed URLs (no other
 * test uses founder2's feeds).
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
        /** agency-a with the read scopes only: the partner API checks scopes as well as the role. */
        AGENCY_READ("agency-partner"),
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
                case AGENCY_READ -> Tokens.client("agency-a", "mentors:read sessions:read");
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
            GET    /api/residents                                             200  welfare-staff care-worker care-supervisor admin
            POST   /api/residents                                             400  welfare-staff
            GET    /api/residents/{id}                                        404  welfare-staff care-worker care-supervisor admin
            PATCH  /api/residents/{id}                                        404  welfare-staff
            POST   /api/residents/{id}/deactivate                             400  welfare-staff
            POST   /api/residents/{id}/rrn-reveal                             400  welfare-staff
            GET    /api/residents/{id}/risk                                   404  welfare-staff care-worker care-supervisor admin
            GET    /api/residents/map                                         200  welfare-staff care-supervisor admin
            GET    /api/residents/stats                                       200  welfare-staff care-supervisor admin
            GET    /api/residents/access-log                                  200  care-supervisor admin
            GET    /api/residents/duplicates                                  200  welfare-staff
            POST   /api/residents/duplicates/{id}/resolve                     400  welfare-staff
            POST   /api/residents/households                                  400  welfare-staff
            GET    /api/residents/households                                  200  welfare-staff care-supervisor admin
            GET    /api/residents/households/{id}                             404  welfare-staff care-supervisor admin
            GET    /api/residents/rrn-keys                                    200  admin
            POST   /api/residents/rrn-keys/re-encrypt                         200  admin
            POST   /api/residents/households/{id}/members                     400  welfare-staff
            POST   /api/residents/households/{id}/members/{residentId}/leave  404  welfare-staff
            POST   /api/residents/imports                                     400  welfare-staff
            GET    /api/residents/imports/{id}                                404  welfare-staff
            # care-service
            GET    /api/care/alerts                                           200  care-worker care-supervisor
            GET    /api/care/alerts/stream                                    200  care-worker care-supervisor
            GET    /api/care/alerts/stats                                     200  care-worker care-supervisor
            GET    /api/care/alerts/{id}                                      404  care-worker care-supervisor
            POST   /api/care/alerts/{id}/acknowledge                          404  care-worker care-supervisor
            POST   /api/care/alerts/{id}/dispatch                             400  care-worker care-supervisor
            POST   /api/care/alerts/{id}/resolve                              400  care-worker care-supervisor
            GET    /api/care/devices                                          200  care-worker care-supervisor
            POST   /api/care/devices                                          400  care-worker care-supervisor
            GET    /api/care/devices/{serial}                                 404  care-worker care-supervisor
            POST   /api/care/devices/{serial}/assign                          400  care-worker care-supervisor
            POST   /api/care/devices/{serial}/unassign                        404  care-worker care-supervisor
            GET    /api/care/profiles                                         200  care-worker care-supervisor
            GET    /api/care/profiles/{residentId}                            404  care-worker care-supervisor
            PATCH  /api/care/profiles/{residentId}                            404  care-supervisor
            POST   /api/care/readings                                         400  device-hub
            GET    /api/care/residents/{residentId}/vitals                    400  care-worker care-supervisor
            GET    /api/care/residents/{residentId}/fhir/observations         404  care-worker care-supervisor
            GET    /api/care/residents/{residentId}/fhir/screenings           404  care-worker care-supervisor
            GET    /api/care/residents/{residentId}/screenings                404  care-worker care-supervisor
            GET    /api/care/residents/{residentId}/summary                   404  care-worker care-supervisor
            PUT    /api/care/profiles/{residentId}/conditions                 400  care-worker care-supervisor
            POST   /api/care/screenings                                       400  care-worker care-supervisor
            GET    /api/care/screenings/instruments                           200  care-worker care-supervisor
            GET    /api/care/screenings/{id}                                  404  care-worker care-supervisor
            GET    /api/care/visits                                           200  care-worker care-supervisor
            POST   /api/care/visits                                           400  care-worker care-supervisor
            GET    /api/care/visits/overdue                                   200  care-supervisor
            GET    /api/care/visits/{id}                                      404  care-worker care-supervisor
            POST   /api/care/visits/{id}/done                                 400  care-worker care-supervisor
            POST   /api/care/visits/{id}/cancel                               400  care-supervisor
            GET    /api/care/vr/programmes                                    200  care-worker care-supervisor
            POST   /api/care/vr/programmes                                    400  care-supervisor
            GET    /api/care/vr/sessions                                      200  care-worker care-supervisor
            POST   /api/care/vr/sessions                                      400  care-worker care-supervisor
            GET    /api/care/vr/sessions/{id}                                 404  care-worker care-supervisor
            POST   /api/care/vr/sessions/{id}/enrolments                      400  care-worker care-supervisor
            DELETE /api/care/vr/sessions/{id}/enrolments/{residentId}         404  care-worker care-supervisor
            POST   /api/care/vr/sessions/{id}/enrolments/{residentId}/attendance 400  care-worker care-supervisor
            # coworking-service
            GET    /api/coworking/availability                                400  founder space-manager admin
            GET    /api/coworking/bookings                                    200  space-manager admin
            POST   /api/coworking/bookings                                    400  founder
            GET    /api/coworking/bookings/mine                               200  founder
            GET    /api/coworking/bookings/team                               200  founder
            POST   /api/coworking/bookings/recurring                          400  founder
            POST   /api/coworking/bookings/cancel                             400  founder
            POST   /api/coworking/bookings/check-in                           400  founder
            GET    /api/coworking/bookings/{id}                               404  founder space-manager admin
            GET    /api/coworking/bookings/{id}/calendar.ics                  404  founder space-manager admin
            POST   /api/coworking/bookings/{id}/cancel                        404  founder space-manager admin
            POST   /api/coworking/bookings/{id}/check-in                      404  space-manager admin
            POST   /api/coworking/calendar/feed                               201  founder
            GET    /api/coworking/calendar/feeds/{token}.ics                  404  public
            GET    /api/coworking/floors/{floor}/plan.svg                     200  founder space-manager admin
            GET    /api/coworking/members                                     200  space-manager admin
            POST   /api/coworking/members                                     400  founder
            GET    /api/coworking/members/me                                  200  founder
            GET    /api/coworking/members/{id}                                404  space-manager admin
            POST   /api/coworking/members/{id}/approve                        400  space-manager admin
            POST   /api/coworking/members/{id}/reject                         400  space-manager admin
            GET    /api/coworking/policies                                    200  founder space-manager admin
            PUT    /api/coworking/policies/{type}                             400  space-manager admin
            GET    /api/coworking/reports/occupancy                           400  space-manager admin
            GET    /api/coworking/reports/occupancy.csv                       400  space-manager admin
            GET    /api/coworking/spaces                                      200  founder space-manager admin
            POST   /api/coworking/spaces                                      400  space-manager admin
            GET    /api/coworking/spaces/{id}                                 404  founder space-manager admin
            GET    /api/coworking/spaces/{id}/closures                        404  founder space-manager admin
            POST   /api/coworking/spaces/{id}/closures                        400  space-manager admin
            POST   /api/coworking/waitlist                                    400  founder
            GET    /api/coworking/waitlist/mine                               200  founder
            POST   /api/coworking/waitlist/{id}/leave                         404  founder
            # startup-mentoring-service: founders and staff
            GET    /api/mentoring/agencies                                    200  founder admin
            POST   /api/mentoring/agencies                                    400  admin
            GET    /api/mentoring/agencies/{id}/report                        400  admin
            GET    /api/mentoring/mentors                                     200  founder admin
            GET    /api/mentoring/mentors/{id}                                404  founder admin
            GET    /api/mentoring/mentors/{id}/slots                          400  founder admin
            GET    /api/mentoring/session-types                               400  founder admin
            POST   /api/mentoring/sessions                                    400  founder
            GET    /api/mentoring/sessions/mine                               200  founder
            GET    /api/mentoring/sessions/{id}                               404  founder
            POST   /api/mentoring/sessions/{id}/cancel                        404  founder
            POST   /api/mentoring/sessions/{id}/reschedule                    400  founder
            POST   /api/mentoring/sessions/{id}/rating                        400  founder
            GET    /api/mentoring/sessions/{id}/calendar.ics                  404  founder
            GET    /api/mentoring/sessions/{id}/follow-up                     404  founder
            POST   /api/mentoring/sessions/{id}/follow-up/actions/{actionId}  400  founder
            POST   /api/mentoring/calendar/feed                               201  founder
            GET    /api/mentoring/calendar/feeds/{token}.ics                  404  public
            # startup-mentoring-service: the partner API
            GET    /partner/v1/mentors                                        200  agency-partner
            POST   /partner/v1/mentors                                        400  agency-partner  AGENCY_READ=403
            GET    /partner/v1/mentors/{id}                                   404  agency-partner
            PUT    /partner/v1/mentors/{id}                                   400  agency-partner  AGENCY_READ=403
            GET    /partner/v1/mentors/{id}/availability                      404  agency-partner
            PUT    /partner/v1/mentors/{id}/availability                      404  agency-partner  AGENCY_READ=403
            GET    /partner/v1/session-types                                  200  agency-partner
            POST   /partner/v1/session-types                                  400  agency-partner  AGENCY_READ=403
            GET    /partner/v1/session-types/{id}                             404  agency-partner
            PUT    /partner/v1/session-types/{id}                             400  agency-partner  AGENCY_READ=403
            GET    /partner/v1/sessions                                       200  agency-partner
            GET    /partner/v1/sessions/{id}                                  404  agency-partner
            POST   /partner/v1/sessions/{id}/confirm                          404  agency-partner  AGENCY_READ=403
            POST   /partner/v1/sessions/{id}/decline                          404  agency-partner  AGENCY_READ=403
            POST   /partner/v1/sessions/{id}/cancel                           404  agency-partner  AGENCY_READ=403
            POST   /partner/v1/sessions/{id}/complete                         404  agency-partner  AGENCY_READ=403
            POST   /partner/v1/sessions/{id}/no-show                          400  agency-partner  AGENCY_READ=403
            POST   /partner/v1/sessions/{id}/reschedule                       400  agency-partner  AGENCY_READ=403
            GET    /partner/v1/sessions/{id}/follow-up                        404  agency-partner
            POST   /partner/v1/sessions/{id}/notes                            400  agency-partner  AGENCY_READ=403
            POST   /partner/v1/sessions/{id}/follow-up-actions                400  agency-partner  AGENCY_READ=403
            GET    /partner/v1/report                                         400  agency-partner
            GET    /partner/v1/webhooks                                       200  agency-partner  AGENCY_READ=403
            POST   /partner/v1/webhooks                                       400  agency-partner  AGENCY_READ=403
            DELETE /partner/v1/webhooks/{id}                                  404  agency-partner  AGENCY_READ=403
            GET    /partner/v1/webhooks/{id}/deliveries                       404  agency-partner  AGENCY_READ=403
            POST   /partner/v1/webhooks/deliveries/{deliveryId}/redeliver     404  agency-partner  AGENCY_READ=403
            # gateway: its own routes, in no service's OpenAPI document
            GET    /api/me                                                    200  authenticated
            GET    /partner/v1/openapi                                        200  authenticated
            GET    /staff/                                                    200  welfare-staff care-worker care-supervisor space-manager admin  NOBODY=302
            GET    /book/                                                     200  founder  NOBODY=302
            GET    /                                                          200  public
            GET    /q/health/ready                                            200  public
            GET    /q/openapi                                                 200  public
            
            """;

    /**
     * Bodies other than {} where {} would be a whole request: a household may start unnamed and
     * empty, so a member without a resident stands for the empty body and nothing is created.
     */
    private static final Map<String, String> BODIES = Map.of("POST /api/residents/households", "{\"members\":[{}]}");

    /** Where each service publishes its OpenAPI document (services answer it without a token). */
    private static final Map<String, String> OPENAPI = Map.of(
            "resident-service", "http://127.0.0.1:8081/q/openapi?format=json",
            "care-service", "http://127.0.0.1:8082/q/openapi?format=json",
            "coworking-service", "http://127.0.0.1:8083/q/openapi?format=json",
            "startup-mentoring-service", "http://127.0.0.1:8084/q/openapi?format=json");

    /**
     * One row: the roles let in ("public": no token needed), the answer they get, and callers whose
     * answer differs (CALLER=status). Gateway rows are the gateway's own routes, in no OpenAPI document.
     */
    record Row(String method, String path, int answer, Set<String> allowed, Map<Caller, Integer> exceptions,
            boolean gateway) {

        boolean isPublic() {
            return allowed.contains("public");
        }

        /** "authenticated": any valid token, whatever its roles. */
        boolean allows(Caller caller) {
            return caller != Caller.NOBODY && allowed.contains("authenticated")
                    || caller.roles.stream().anyMatch(allowed::contains);
        }

        String key() {
            return method + " " + path;
        }
    }

    /**
     * HTTP/1.1, as the gateway calls the services: the JDK client's default asks for an upgrade to
     * cleartext HTTP/2, which a service now and then accepted (101) and then answered as HTTP/1.1,
     * failing the call ("Frame type(32) … exceeds MAX_FRAME_SIZE"; curl --http2 saw it 1 in 30).
     */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
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
        boolean gateway = false;
        for (String line : MATRIX.lines().map(String::strip).toList()) {
            if (line.startsWith("# gateway")) {
                gateway = true;
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+");
            Set<String> allowed = new TreeSet<>();
            Map<Caller, Integer> exceptions = new EnumMap<>(Caller.class);
            for (String cell : Arrays.asList(parts).subList(3, parts.length)) {
                if (cell.contains("=")) {
                    exceptions.put(Caller.valueOf(cell.substring(0, cell.indexOf('='))),
                            Integer.parseInt(cell.substring(cell.indexOf('=') + 1)));
                } else {
                    allowed.add(cell);
                }
            }
            rows.add(new Row(parts[0], parts[1], Integer.parseInt(parts[2]), Set.copyOf(allowed), exceptions, gateway));
        }
        return rows;
    }

    @Test
    void theTableListsExactlyTheOperationsTheServicesPublish() throws Exception {
        Set<String> published = publishedOperations().keySet();
        Set<String> tabled = rows().stream().filter(row -> !row.gateway()).map(Row::key)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> missing = new TreeSet<>(published);
        missing.removeAll(tabled);
        Set<String> stale = new TreeSet<>(tabled);
        stale.removeAll(published);
        assertTrue(missing.isEmpty() && stale.isEmpty(),
                "operations without a row: " + missing + "; rows no service publishes: " + stale);
        assertEquals(rows().stream().map(Row::key).distinct().count(), rows().size(), "a row appears twice");
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointAnswersEveryRoleAsTheTableSays() {
        return rows().stream().map(row -> DynamicTest.dynamicTest(row.key(), () -> {
            Map<Caller, Integer> answers = new LinkedHashMap<>();
            List<String> wrong = new ArrayList<>();
            for (Caller caller : Caller.values()) {
                int status = call(row, TOKENS.get(caller));
                answers.put(caller, status);
                int expected = expectedWithoutObject(row, caller);
                if (status != expected) {
                    wrong.add(caller + " got " + status + ", not " + expected);
                }
            }
            if (!wrong.isEmpty()) {
                fail(row.key() + " (allowed: " + row.allowed() + "): " + wrong + "; all answers " + answers);
            }
        }));
    }

    /** The table's answer to the caller on no object (made-up ids, an empty body). */
    static int expectedWithoutObject(Row row, Caller caller) {
        if (row.exceptions().containsKey(caller)) {
            return row.exceptions().get(caller);
        }
        if (row.isPublic()) {
            return row.answer();
        }
        if (caller == Caller.NOBODY) {
            return 401;
        }
        return row.allows(caller) ? row.answer() : 403;
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
            request.header("Content-Type", "application/json").method(row.method(),
                    HttpRequest.BodyPublishers.ofString(BODIES.getOrDefault(row.key(), "{}")));
        }
        // Headers are enough; the live alert stream would otherwise never end.
        HttpResponse<InputStream> response = Gateway.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        response.body().close();
        return response.statusCode();
    }
}
