package org.smarttown.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.smarttown.e2e.AuthorizationMatrixIT.Caller;

/**
 * The authorization matrix's object dimension. Every endpoint that acts on an object somebody owns
 * is called by every caller on an object of its owner's and on someone else's, through the gateway
 * with real Keycloak tokens (the third case, no object, is {@link AuthorizationMatrixIT}'s made-up
 * ids). The table writes down the answer of each caller the endpoint's roles let in, as
 * {@code CALLER=own/other}; every other caller must get the role table's answer (403, or 401
 * without a token) on both objects. The test fails on any answer not in the table. Every endpoint of
 * the role table that takes an id is either here or in {@code UNOWNED}, which says why nobody owns its
 * objects; a test checks that no endpoint is left undecided.
 * <p>
 * Whose objects: a founder's are founder1's (the FOUNDER caller here) and founder2's; an agency's are
 * agency-a's (AGENCY, AGENCY_READ) and agency-b's; a care worker's are those of carer1 (CARER) and of
 * nobody or of supervisor1; an alert is carer1's when carer1 took it, else supervisor1's. For callers
 * who own nothing (staff), "own" and "other" are simply the same two objects. A call that changes a
 * booking, waitlist place, session, webhook, visit or alert gets a fresh pair, so that no answer depends on the order of the rows; each agency's mentor, session type
 * and delivery are one each, and the calls on them put the same values back or send it again.
 * Everything made here is removed (cancelled, left, deleted, deactivated) at the end, except the
 * visits closed as done, which a visit keeps; cancelled bookings and sessions stay in the founders'
 * histories (founder2's, whose page FounderBookingIT reads, gets one session per run).
 */
class ObjectAuthorizationMatrixIT {

    /**
     * method, path, the kind of object its parameters name, and CALLER=own/other for each caller
     * the roles let in. Where the answer to the owner is not 2xx, the object is in a state the
     * call does not apply to (a session not yet held cannot be rated): that answer still shows the
     * caller got past the object check, which someone else's object never does.
     */
    private static final String TABLE = """
            # coworking-service: a founder's bookings and waitlist places (others' answer 404, as if absent)
            GET    /api/coworking/bookings/{id}                           booking          FOUNDER=200/404 MANAGER=200/200 ADMIN=200/200
            GET    /api/coworking/bookings/{id}/calendar.ics              booking          FOUNDER=200/404 MANAGER=200/200 ADMIN=200/200
            POST   /api/coworking/bookings/{id}/cancel                    booking          FOUNDER=200/404 MANAGER=200/200 ADMIN=200/200
            POST   /api/coworking/bookings/{id}/check-in                  booking          MANAGER=422/422 ADMIN=422/422
            POST   /api/coworking/waitlist/{id}/leave                     waitlist         FOUNDER=200/404
            # startup-mentoring-service: a founder's sessions
            GET    /api/mentoring/sessions/{id}                           session          FOUNDER=200/404
            GET    /api/mentoring/sessions/{id}/calendar.ics              session          FOUNDER=200/404
            GET    /api/mentoring/sessions/{id}/follow-up                 session          FOUNDER=200/404
            POST   /api/mentoring/sessions/{id}/cancel                    session          FOUNDER=200/404
            POST   /api/mentoring/sessions/{id}/reschedule                session          FOUNDER=200/404
            POST   /api/mentoring/sessions/{id}/rating                    session          FOUNDER=409/404
            POST   /api/mentoring/sessions/{id}/follow-up/actions/{actionId}  session-action  FOUNDER=200/404
            # the partner API: an agency's mentors, session types, sessions and webhooks (others' answer 404)
            GET    /partner/v1/mentors/{id}                               mentor           AGENCY=200/404 AGENCY_READ=200/404
            PUT    /partner/v1/mentors/{id}                               mentor           AGENCY=200/404 AGENCY_READ=403/403
            GET    /partner/v1/mentors/{id}/availability                  mentor           AGENCY=200/404 AGENCY_READ=200/404
            PUT    /partner/v1/mentors/{id}/availability                  mentor           AGENCY=200/404 AGENCY_READ=403/403
            GET    /partner/v1/session-types/{id}                         session-type     AGENCY=200/404 AGENCY_READ=200/404
            PUT    /partner/v1/session-types/{id}                         session-type     AGENCY=200/404 AGENCY_READ=403/403
            GET    /partner/v1/sessions/{id}                              partner-session  AGENCY=200/404 AGENCY_READ=200/404
            POST   /partner/v1/sessions/{id}/confirm                      partner-session  AGENCY=200/404 AGENCY_READ=403/403
            POST   /partner/v1/sessions/{id}/decline                      partner-session  AGENCY=200/404 AGENCY_READ=403/403
            POST   /partner/v1/sessions/{id}/cancel                       partner-session  AGENCY=200/404 AGENCY_READ=403/403
            POST   /partner/v1/sessions/{id}/complete                     partner-session  AGENCY=409/404 AGENCY_READ=403/403
            POST   /partner/v1/sessions/{id}/no-show                      partner-session  AGENCY=409/404 AGENCY_READ=403/403
            POST   /partner/v1/sessions/{id}/reschedule                   partner-session  AGENCY=200/404 AGENCY_READ=403/403
            GET    /partner/v1/sessions/{id}/follow-up                    partner-session  AGENCY=200/404 AGENCY_READ=200/404
            POST   /partner/v1/sessions/{id}/notes                        partner-session  AGENCY=201/404 AGENCY_READ=403/403
            POST   /partner/v1/sessions/{id}/follow-up-actions            partner-session  AGENCY=201/404 AGENCY_READ=403/403
            GET    /partner/v1/webhooks/{id}/deliveries                   webhook          AGENCY=200/404 AGENCY_READ=403/403
            DELETE /partner/v1/webhooks/{id}                              webhook          AGENCY=204/404 AGENCY_READ=403/403
            POST   /partner/v1/webhooks/deliveries/{deliveryId}/redeliver delivery         AGENCY=202/404 AGENCY_READ=403/403
            # resident-service: a care worker sees the residents assigned to them (others' answer 404)
            GET    /api/residents/{id}                                    resident         WELFARE=200/200 CARER=200/404 SUPERVISOR=200/200 ADMIN=200/200
            GET    /api/residents/{id}/risk                               resident         WELFARE=200/200 CARER=200/404 SUPERVISOR=200/200 ADMIN=200/200
            # care-service: whoever is on shift answers any resident's alert, so care data is read across
            # assignments; carrying an alert further once taken, and closing a visit, are the acts of who
            # took it or is assigned (or of a supervisor): others get 403
            GET    /api/care/profiles/{residentId}                        resident         CARER=200/200 SUPERVISOR=200/200
            GET    /api/care/residents/{residentId}/summary               resident         CARER=200/200 SUPERVISOR=200/200
            GET    /api/care/residents/{residentId}/screenings            resident         CARER=200/200 SUPERVISOR=200/200
            GET    /api/care/residents/{residentId}/fhir/observations     resident         CARER=200/200 SUPERVISOR=200/200
            GET    /api/care/residents/{residentId}/fhir/screenings       resident         CARER=200/200 SUPERVISOR=200/200
            GET    /api/care/residents/{residentId}/vitals                resident         CARER=200/200 SUPERVISOR=200/200
            PUT    /api/care/profiles/{residentId}/conditions             resident         CARER=200/200 SUPERVISOR=200/200
            PATCH  /api/care/profiles/{residentId}                        resident         SUPERVISOR=200/200
            GET    /api/care/visits/{id}                                  visit            CARER=200/200 SUPERVISOR=200/200
            POST   /api/care/visits/{id}/done                             visit            CARER=200/403 SUPERVISOR=200/200
            POST   /api/care/visits/{id}/cancel                           visit            SUPERVISOR=200/200
            POST   /api/care/alerts/{id}/dispatch                         alert            CARER=200/403 SUPERVISOR=200/200
            POST   /api/care/alerts/{id}/resolve                          alert            CARER=200/403 SUPERVISOR=200/200
            """;

    /**
     * The role table's endpoints with an id that are not above: their objects belong to no caller, so
     * "own" and "someone else's" are the same for everyone the roles let in, and the role table's
     * made-up ids (the third case, no object) are their whole matrix. Each says why; a new endpoint
     * with an id must be added above or here.
     */
    private static final Map<String, String> UNOWNED = Map.ofEntries(
            Map.entry("PATCH /api/residents/{id}", "the registry is the welfare office's: every welfare officer keeps every resident"),
            Map.entry("POST /api/residents/{id}/deactivate", "the registry is the welfare office's"),
            Map.entry("POST /api/residents/{id}/rrn-reveal", "the registry is the welfare office's (each reveal is audited)"),
            Map.entry("POST /api/residents/duplicates/{id}/resolve", "the registry is the welfare office's"),
            Map.entry("GET /api/residents/households/{id}", "the registry is the welfare office's"),
            Map.entry("POST /api/residents/households/{id}/members", "the registry is the welfare office's"),
            Map.entry("POST /api/residents/households/{id}/members/{residentId}/leave", "the registry is the welfare office's"),
            Map.entry("GET /api/residents/imports/{id}", "an import is the office's: any welfare officer may follow one"),
            Map.entry("GET /api/care/alerts/{id}", "whoever is on shift answers any resident's alert"),
            Map.entry("POST /api/care/alerts/{id}/acknowledge", "whoever is on shift takes any raised alert, first come"),
            Map.entry("GET /api/care/devices/{serial}", "the bands and hubs are the programme's stock"),
            Map.entry("POST /api/care/devices/{serial}/assign", "the bands and hubs are the programme's stock"),
            Map.entry("POST /api/care/devices/{serial}/unassign", "the bands and hubs are the programme's stock"),
            Map.entry("GET /api/care/screenings/{id}", "care data is read across assignments, as the resident rows above show"),
            Map.entry("GET /api/care/vr/sessions/{id}", "a VR class is the centre's, run by whoever is on shift"),
            Map.entry("POST /api/care/vr/sessions/{id}/enrolments", "a VR class is the centre's"),
            Map.entry("DELETE /api/care/vr/sessions/{id}/enrolments/{residentId}", "a VR class is the centre's"),
            Map.entry("POST /api/care/vr/sessions/{id}/enrolments/{residentId}/attendance", "a VR class is the centre's"),
            Map.entry("GET /api/coworking/calendar/feeds/{token}.ics", "no caller: the secret in the URL is the credential"),
            Map.entry("GET /api/mentoring/calendar/feeds/{token}.ics", "no caller: the secret in the URL is the credential"),
            Map.entry("GET /api/coworking/floors/{floor}/plan.svg", "the office's floors, shown to every founder"),
            Map.entry("GET /api/coworking/spaces/{id}", "the office's spaces, shown to every founder"),
            Map.entry("GET /api/coworking/spaces/{id}/closures", "the office's spaces, shown to every founder"),
            Map.entry("POST /api/coworking/spaces/{id}/closures", "the office's spaces, run by every space manager"),
            Map.entry("PUT /api/coworking/policies/{type}", "the office's rules, run by every space manager"),
            Map.entry("GET /api/coworking/members/{id}", "an application is decided by any space manager"),
            Map.entry("POST /api/coworking/members/{id}/approve", "an application is decided by any space manager"),
            Map.entry("POST /api/coworking/members/{id}/reject", "an application is decided by any space manager"),
            Map.entry("GET /api/mentoring/mentors/{id}", "every agency's mentors are offered to every founder"),
            Map.entry("GET /api/mentoring/mentors/{id}/slots", "every agency's mentors are offered to every founder"),
            Map.entry("GET /api/mentoring/agencies/{id}/report", "the district's overview of every agency, for admins"));

    /** Query strings of the reads that need one: an hour long ago, so that no resident has too many readings in it. */
    private static final Map<String, String> QUERIES = Map.of("GET /api/care/residents/{residentId}/fhir/observations",
            "?from=2020-01-01T00:00:00Z&to=2020-01-01T01:00:00Z", "GET /api/care/residents/{residentId}/vitals",
            "?type=HEART_RATE&from=2020-01-01T00:00:00Z&to=2020-01-01T01:00:00Z");

    private static final String SESSION_TYPE = """
            {"kind":"MENTORING","name":"%s","durationMinutes":30,"bufferBeforeMinutes":0,"bufferAfterMinutes":0,
             "minBookingNoticeMinutes":0,"minChangeNoticeMinutes":0,"requiresConfirmation":true,"seats":1}""";

    /** Bodies of the calls that need one; {start} is a free slot of the object's own mentor or space. */
    private static final Map<String, String> BODIES = Map.ofEntries(
            Map.entry("POST /api/coworking/bookings/{id}/cancel", "{}"),
            Map.entry("POST /api/coworking/bookings/{id}/check-in", "{}"),
            Map.entry("POST /api/coworking/waitlist/{id}/leave", "{}"),
            Map.entry("POST /api/mentoring/sessions/{id}/cancel", "{\"reason\":\"matrix\"}"),
            Map.entry("POST /api/mentoring/sessions/{id}/reschedule", "{\"start\":\"{start}\",\"reason\":\"matrix\"}"),
            Map.entry("POST /api/mentoring/sessions/{id}/rating", "{\"score\":5}"),
            Map.entry("POST /api/mentoring/sessions/{id}/follow-up/actions/{actionId}", "{\"done\":true}"),
            Map.entry("PUT /partner/v1/mentors/{id}", "{\"name\":\"Matrix mentor\",\"expertise\":[\"matrix\"],\"languages\":[\"ko\"]}"),
            // The same hours again: the mentor's later sessions are booked on slots read beforehand.
            Map.entry("PUT /partner/v1/mentors/{id}/availability", "{\"weekly\":[" + everyDay() + "]}"),
            Map.entry("PUT /partner/v1/session-types/{id}", SESSION_TYPE.formatted("Matrix type")),
            Map.entry("POST /partner/v1/sessions/{id}/confirm", "{}"),
            Map.entry("POST /partner/v1/sessions/{id}/decline", "{\"reason\":\"matrix\"}"),
            Map.entry("POST /partner/v1/sessions/{id}/cancel", "{\"reason\":\"matrix\"}"),
            Map.entry("POST /partner/v1/sessions/{id}/complete", "{}"),
            Map.entry("POST /partner/v1/sessions/{id}/no-show", "{\"side\":\"GUEST\"}"),
            Map.entry("POST /partner/v1/sessions/{id}/reschedule", "{\"start\":\"{start}\",\"reason\":\"matrix\"}"),
            Map.entry("POST /partner/v1/sessions/{id}/notes", "{\"text\":\"matrix\"}"),
            Map.entry("POST /partner/v1/sessions/{id}/follow-up-actions", "{\"title\":\"matrix\"}"),
            Map.entry("POST /partner/v1/webhooks/deliveries/{deliveryId}/redeliver", "{}"),
            Map.entry("POST /api/care/visits/{id}/done", "{\"outcome\":\"SEEN_WELL\",\"notes\":\"matrix\"}"),
            Map.entry("POST /api/care/visits/{id}/cancel", "{\"reason\":\"matrix\"}"),
            Map.entry("POST /api/care/alerts/{id}/dispatch", "{\"method\":\"VISIT\",\"note\":\"matrix\"}"),
            Map.entry("POST /api/care/alerts/{id}/resolve", "{\"resolution\":\"ACCIDENTAL_PRESS\",\"note\":\"matrix\"}"),
            // The resident's own conditions again; the rhythm's PATCH sends {} (every field stays as it is).
            Map.entry("PUT /api/care/profiles/{residentId}/conditions", "{\"conditions\":{conditions}}"));


    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final Map<Caller, String> TOKENS = new EnumMap<>(Caller.class);

    /** The two owners of each side: [0] the caller's own, [1] someone else. */
    private static String[] founders;
    private static String[] agencies;
    /** Per agency: a mentor, a session type, a webhook endpoint and one of its deliveries. */
    private static final Map<String, Map<String, String>> AGENCY_OBJECTS = new LinkedHashMap<>();
    /** carer1's resident, and one nobody is assigned to (both with a care profile). */
    private static String[] residents;
    private static String booth;
    /** Free mentor slots per agency, handed out one per session so that no two fixtures collide. */
    private static final Map<String, Deque<String>> SLOTS = new LinkedHashMap<>();
    private static final Deque<OffsetDateTime> BOOTH_SLOTS = new ArrayDeque<>();

    record Row(String method, String path, String kind, Map<Caller, int[]> answers) {

        String key() {
            return method + " " + path;
        }

        /** Calls that change their object: each caller gets a fresh pair. */
        boolean changes() {
            return !method.equals("GET");
        }
    }

    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (String line : TABLE.lines().map(String::strip).toList()) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+");
            Map<Caller, int[]> answers = new EnumMap<>(Caller.class);
            for (String cell : Arrays.asList(parts).subList(3, parts.length)) {
                String[] callerAndAnswers = cell.split("=");
                String[] ownOther = callerAndAnswers[1].split("/");
                answers.put(Caller.valueOf(callerAndAnswers[0]),
                        new int[] { Integer.parseInt(ownOther[0]), Integer.parseInt(ownOther[1]) });
            }
            rows.add(new Row(parts[0], parts[1], parts[2], answers));
        }
        return rows;
    }

    @BeforeAll
    static void objects() throws Exception {
        LocalSuite.ensureUp();
        TOKENS.putAll(AuthorizationMatrixIT.tokens());
        // founder1 is the founder here, founder2 the other one: FounderBookingIT finds its new session
        // on founder2's page, which lists 50 sessions, latest start first, so founder2 gets one per run.
        TOKENS.put(Caller.FOUNDER, Tokens.user("founder1"));
        founders = new String[] { TOKENS.get(Caller.FOUNDER), Tokens.user("founder2") };
        agencies = new String[] { TOKENS.get(Caller.AGENCY), Tokens.client("agency-b") };
        String suffix = String.valueOf(System.nanoTime());
        LocalDate day = LocalDate.now(SEOUL).plusDays(40);
        for (String agency : agencies) {
            Map<String, String> objects = new LinkedHashMap<>();
            objects.put("mentor", id(call("POST", "/partner/v1/mentors", agency, """
                    {"name":"Matrix %s","expertise":["matrix"],"languages":["ko"],
                     "availability":{"weekly":[%s],"overrides":[],"holidays":[]}}""".formatted(suffix, everyDay()), 201)));
            objects.put("session-type", id(call("POST", "/partner/v1/session-types", agency,
                    SESSION_TYPE.formatted("Matrix " + suffix), 201)));
            // Out of founders' lists once the rows are done (there is no deleting them).
            RETIRED.add(new Cleanup("PUT", "/partner/v1/mentors/" + objects.get("mentor"), agency,
                    "{\"name\":\"Matrix " + suffix + "\",\"expertise\":[\"matrix\"],\"languages\":[\"ko\"],\"active\":false}"));
            RETIRED.add(new Cleanup("PUT", "/partner/v1/session-types/" + objects.get("session-type"), agency,
                    SESSION_TYPE.formatted("Matrix " + suffix).replace("\"seats\":1", "\"seats\":1,\"active\":false")));
            Deque<String> slots = new ArrayDeque<>();
            for (JsonNode slot : call("GET", "/api/mentoring/mentors/" + objects.get("mentor") + "/slots?sessionType="
                    + objects.get("session-type") + "&from=" + day + "&to=" + day.plusDays(6), founders[0], null, 200)) {
                slots.add(slot.path("start").asText());
            }
            SLOTS.put(agency, slots);
            AGENCY_OBJECTS.put(agency, objects);
        }
        // A delivery of each agency's own endpoint: a founder's request of its mentor is an event it subscribes to.
        for (String agency : agencies) {
            Map<String, String> objects = AGENCY_OBJECTS.get(agency);
            String endpoint = webhook(agency, "[\"session.requested\"]");
            session(agency, founders[0]);
            objects.put("delivery", await(() -> {
                JsonNode items = call("GET", "/partner/v1/webhooks/" + endpoint + "/deliveries", agency, null, 200).path("items");
                return items.isEmpty() ? null : items.get(0).path("id").asText();
            }));
        }
        // Page through the registry: other tests add residents, and the demo ones may be on any page.
        String own = null;
        String other = null;
        for (int page = 0; (own == null || other == null) && page < 50; page++) {
            JsonNode items = call("GET", "/api/residents?size=100&page=" + page, TOKENS.get(Caller.WELFARE), null, 200)
                    .path("items");
            if (items.isEmpty()) {
                break;
            }
            for (JsonNode resident : items) {
                String careWorker = resident.path("assignedCareWorker").asText(null);
                boolean wanted = own == null && "carer1".equals(careWorker) || other == null && careWorker == null;
                String id = resident.path("id").asText();
                if (wanted && send("GET", "/api/care/profiles/" + id, TOKENS.get(Caller.SUPERVISOR), null).statusCode() == 200) {
                    if ("carer1".equals(careWorker)) {
                        own = id;
                    } else {
                        other = id;
                    }
                }
            }
        }
        assertTrue(own != null && other != null, "no resident in care of carer1's and of nobody's among the registry's");
        residents = new String[] { own, other };
        // What the rows share lives until the last row is done.
        LASTING.addAll(CLEANUPS);
        CLEANUPS.clear();
        booth = call("GET", "/api/coworking/spaces?type=BOOTH", founders[0], null, 200).path("items").get(0).path("id").asText();
        LocalDate first = LocalDate.now(SEOUL).plusDays(3);
        for (int d = 0; d < 4; d++) {
            for (int slot = 0; slot < 28; slot++) {
                BOOTH_SLOTS.add(first.plusDays(d).atTime(8, 0).plusMinutes(30L * slot).atOffset(ZoneOffset.ofHours(9)));
            }
        }
    }

    @AfterAll
    static void removeObjects() throws Exception {
        cleanUp(LASTING);
        cleanUp(RETIRED);
    }

    @Test
    void everyRowIsAnEndpointOfTheRoleTableAndEveryCallerItNamesIsLetIn() {
        Map<String, AuthorizationMatrixIT.Row> roleRows = AuthorizationMatrixIT.rows().stream()
                .collect(Collectors.toMap(AuthorizationMatrixIT.Row::key, row -> row));
        Set<String> problems = new TreeSet<>();
        for (Row row : rows()) {
            AuthorizationMatrixIT.Row roleRow = roleRows.get(row.key());
            if (roleRow == null) {
                problems.add(row.key() + " is not in the role table");
                continue;
            }
            row.answers().keySet().stream().filter(caller -> !roleRow.allows(caller))
                    .forEach(caller -> problems.add(row.key() + ": " + caller + " is not let in by its roles"));
        }
        assertTrue(problems.isEmpty(), String.join("; ", problems));
    }

    @Test
    void everyEndpointWithAnIdIsInTheTableOrSaysWhyNobodyOwnsItsObject() {
        Set<String> inTable = rows().stream().map(Row::key).collect(Collectors.toSet());
        Set<String> withId = AuthorizationMatrixIT.rows().stream().filter(row -> row.path().contains("{"))
                .map(AuthorizationMatrixIT.Row::key).collect(Collectors.toCollection(TreeSet::new));
        Set<String> undecided = new TreeSet<>(withId);
        undecided.removeAll(inTable);
        undecided.removeAll(UNOWNED.keySet());
        assertEquals(Set.of(), undecided, "endpoints with an id that are neither in the object table nor in UNOWNED");
        Set<String> both = new TreeSet<>(inTable);
        both.retainAll(UNOWNED.keySet());
        assertEquals(Set.of(), both, "in the object table and said to have no owner");
        Set<String> stale = new TreeSet<>(UNOWNED.keySet());
        stale.removeAll(withId);
        assertEquals(Set.of(), stale, "UNOWNED names endpoints the role table does not have");
    }

    @TestFactory
    Stream<DynamicTest> everyCallerGetsTheTablesAnswerOnItsOwnAndOnSomeoneElsesObject() {
        Map<String, AuthorizationMatrixIT.Row> roleRows = AuthorizationMatrixIT.rows().stream()
                .collect(Collectors.toMap(AuthorizationMatrixIT.Row::key, row -> row));
        return rows().stream().map(row -> DynamicTest.dynamicTest(row.key() + " on " + row.kind(), () -> {
            List<String> wrong = new ArrayList<>();
            Map<String, Integer> answers = new LinkedHashMap<>();
            // Callers the roles keep out share one pair: they must not be able to change it. A caller
            // let in to a call that changes its object gets a pair of its own, made after the shared
            // one is gone and removed right after, so that no founder ever holds more bookings than
            // the office's limits allow.
            List<Caller> sharing = Stream.of(Caller.values())
                    .filter(caller -> !(row.changes() && row.answers().containsKey(caller))).toList();
            List<Caller> alone = Stream.of(Caller.values()).filter(caller -> !sharing.contains(caller)).toList();
            Map<String, String>[] shared = fixtures(row.kind());
            try {
                for (Caller caller : sharing) {
                    check(row, shared, caller, roleRows.get(row.key()), answers, wrong);
                }
            } finally {
                cleanUp(CLEANUPS);
            }
            for (Caller caller : alone) {
                try {
                    check(row, fixtures(row.kind()), caller, roleRows.get(row.key()), answers, wrong);
                } finally {
                    cleanUp(CLEANUPS);
                }
            }
            if (!wrong.isEmpty()) {
                fail(row.key() + ": " + wrong + "; all answers " + answers);
            }
        }));
    }

    /** A request that removes a fixture (its answer does not matter: the call under test may have done it). */
    record Cleanup(String method, String path, String token, String body) {
    }

    /** What the fixtures made since the last clean-up, to be removed. */
    private static final List<Cleanup> CLEANUPS = new ArrayList<>();
    /** What every row uses (each agency's endpoint with its delivery), removed after the last row. */
    private static final List<Cleanup> LASTING = new ArrayList<>();
    /** Each agency's mentor and session type, deactivated after everything else is removed. */
    private static final List<Cleanup> RETIRED = new ArrayList<>();
    private static final Map<String, String> OTHERS_SESSION = new LinkedHashMap<>();

    private static void cleanUp(List<Cleanup> cleanups) throws IOException, InterruptedException {
        for (Cleanup cleanup : List.copyOf(cleanups)) {
            send(cleanup.method(), cleanup.path(), cleanup.token(), cleanup.body());
        }
        cleanups.clear();
    }

    /** The caller's answers on its own object and on someone else's, against the table's. */
    private static void check(Row row, Map<String, String>[] pair, Caller caller, AuthorizationMatrixIT.Row roleRow,
            Map<String, Integer> answers, List<String> wrong) throws IOException, InterruptedException {
        int[] expected = row.answers().get(caller);
        for (int side = 0; side < 2; side++) {
            int want = expected != null ? expected[side] : AuthorizationMatrixIT.expectedWithoutObject(roleRow, caller);
            int got = call(row, pair[side], caller);
            answers.put(caller + (side == 0 ? "/own" : "/other"), got);
            if (got != want) {
                wrong.add(caller + " on " + (side == 0 ? "its own" : "someone else's") + " got " + got + ", not " + want);
            }
        }
    }

    /** One request of the row, on one object, by one caller. */
    private static int call(Row row, Map<String, String> object, Caller caller) throws IOException, InterruptedException {
        String path = row.path();
        for (var parameter : object.entrySet()) {
            path = path.replace("{" + parameter.getKey() + "}", parameter.getValue());
        }
        path += QUERIES.getOrDefault(row.key(), "");
        String body = BODIES.get(row.key());
        if (body != null) {
            body = body.replace("{start}", object.getOrDefault("start", ""))
                    .replace("{conditions}", object.getOrDefault("conditions", "[]"));
        } else if (!row.method().equals("GET") && !row.method().equals("DELETE")) {
            body = "{}";
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(LocalSuite.GATEWAY + path))
                .timeout(Duration.ofSeconds(20)).header("Accept", "*/*");
        String token = TOKENS.get(caller);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body == null) {
            request.method(row.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(row.method(), HttpRequest.BodyPublishers.ofString(body));
        }
        return Gateway.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    /** A pair of objects of one kind: [0] the owner's (founder1, agency-a, carer1), [1] someone else's. */
    @SuppressWarnings("unchecked")
    private static Map<String, String>[] fixtures(String kind) throws Exception {
        Map<String, String>[] pair = new Map[2];
        for (int side = 0; side < 2; side++) {
            pair[side] = fixture(kind, side);
        }
        return pair;
    }

    private static Map<String, String> fixture(String kind, int side) throws Exception {
        String founder = founders[side];
        String agency = agencies[side];
        return switch (kind) {
            case "booking" -> Map.of("id", booking(founder));
            case "waitlist" -> {
                // A place in line behind the other founder's booking of the same slot.
                String taken = booking(founders[1 - side]);
                JsonNode slot = call("GET", "/api/coworking/bookings/" + taken, founders[1 - side], null, 200);
                String place = id(call("POST", "/api/coworking/waitlist", founder, "{\"spaceId\":\"" + booth
                        + "\",\"start\":\"" + slot.path("start").asText() + "\",\"end\":\"" + slot.path("end").asText() + "\"}", 201));
                // Out of line before the booking goes, or the cancellation would book the slot for this founder.
                CLEANUPS.add(0, new Cleanup("POST", "/api/coworking/waitlist/" + place + "/leave", founder, "{}"));
                yield Map.of("id", place);
            }
            // Both founders' sessions are with agency-a's mentor: only whose session it is differs. Only
            // founder1 is let in, and not to founder2's session, so founder2 needs one for the whole run.
            case "session" -> side == 1 ? othersSession() : Map.of("id", session(agencies[0], founder),
                    "start", SLOTS.get(agencies[0]).pop());
            case "session-action" -> side == 1 ? othersSession() : withAction(session(agencies[0], founder));
            case "mentor" -> Map.of("id", AGENCY_OBJECTS.get(agency).get("mentor"));
            case "session-type" -> Map.of("id", AGENCY_OBJECTS.get(agency).get("session-type"));
            case "partner-session" -> Map.of("id", session(agency, founders[0]), "start", SLOTS.get(agency).pop());
            case "webhook" -> Map.of("id", webhook(agency, "[\"session.cancelled\"]"));
            case "delivery" -> Map.of("deliveryId", AGENCY_OBJECTS.get(agency).get("delivery"));
            case "resident" -> Map.of("id", residents[side], "residentId", residents[side], "conditions",
                    call("GET", "/api/care/profiles/" + residents[side], TOKENS.get(Caller.SUPERVISOR), null, 200)
                            .path("conditions").toString());
            case "visit" -> {
                String supervisor = TOKENS.get(Caller.SUPERVISOR);
                String visit = id(call("POST", "/api/care/visits", supervisor, """
                        {"residentId":"%s","dueAt":"%s","purpose":"matrix","assignedTo":"%s"}""".formatted(residents[0],
                        OffsetDateTime.now(ZoneOffset.UTC).plusDays(2).withNano(0), side == 0 ? "carer1" : "supervisor1"), 201));
                CLEANUPS.add(new Cleanup("POST", "/api/care/visits/" + visit + "/cancel", supervisor, "{\"reason\":\"matrix\"}"));
                yield Map.of("id", visit);
            }
            case "alert" -> Map.of("id", alert(side));
            default -> throw new IllegalArgumentException("no fixture for " + kind);
        };
    }

    /** Two demo residents' emergency buttons, one per side, so that both sides' alerts can be open at once. */
    private static String[] buttons;
    private static long sosSequence = System.currentTimeMillis() * 1000;

    /**
     * An SOS alert taken by carer1 (side 0) or by supervisor1 (side 1). The button's resident is first
     * left without an open alert, so that the SOS raises a new one instead of joining an old one.
     */
    private static String alert(int side) throws Exception {
        String supervisor = TOKENS.get(Caller.SUPERVISOR);
        if (buttons == null) {
            Map<String, String> byResident = new LinkedHashMap<>();
            for (JsonNode device : call("GET", "/api/care/devices?type=EMERGENCY_BUTTON&size=100", supervisor, null, 200)
                    .path("items")) {
                if (!device.path("residentId").isNull() && !device.path("residentId").isMissingNode()) {
                    byResident.putIfAbsent(device.path("residentId").asText(), device.path("serial").asText());
                }
            }
            assertTrue(byResident.size() >= 2, "two residents with an emergency button: " + byResident);
            buttons = byResident.values().stream().limit(2).toArray(String[]::new);
        }
        String serial = buttons[side];
        String resident = call("GET", "/api/care/devices/" + serial, supervisor, null, 200).path("residentId").asText();
        for (JsonNode open : call("GET", "/api/care/alerts?residentId=" + resident + "&size=100", supervisor, null, 200)
                .path("items")) {
            String status = open.path("status").asText();
            String path = "/api/care/alerts/" + open.path("id").asText();
            if (status.equals("RAISED") || status.equals("ESCALATED")) {
                call("POST", path + "/acknowledge", supervisor, "{}", 200);
            }
            if (Set.of("RAISED", "ESCALATED", "ACKNOWLEDGED", "DISPATCHED").contains(status)) {
                call("POST", path + "/resolve", supervisor, RESOLVED, 200);
            }
        }
        call("POST", "/api/care/readings", Tokens.client("device-hub"), """
                {"readings":[{"deviceSerial":"%s","type":"SOS","value":1,"measuredAt":"%s","sequence":%d}]}""".formatted(
                serial, OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1).withNano(0), ++sosSequence), 202);
        String alert = await(() -> {
            JsonNode items = call("GET", "/api/care/alerts?residentId=" + resident + "&kind=SOS&status=RAISED", supervisor,
                    null, 200).path("items");
            return items.isEmpty() ? null : items.get(0).path("id").asText();
        });
        call("POST", "/api/care/alerts/" + alert + "/acknowledge", side == 0 ? TOKENS.get(Caller.CARER) : supervisor,
                "{}", 200);
        CLEANUPS.add(new Cleanup("POST", "/api/care/alerts/" + alert + "/resolve", supervisor, RESOLVED));
        return alert;
    }

    private static final String RESOLVED = "{\"resolution\":\"ACCIDENTAL_PRESS\",\"note\":\"matrix\"}";

    /** founder2's one session of the run, with a follow-up action, cancelled at the end. */
    private static Map<String, String> othersSession() throws Exception {
        if (OTHERS_SESSION.isEmpty()) {
            List<Cleanup> before = new ArrayList<>(CLEANUPS);
            CLEANUPS.clear();
            OTHERS_SESSION.putAll(withAction(session(agencies[0], founders[1])));
            OTHERS_SESSION.put("start", SLOTS.get(agencies[0]).pop());
            LASTING.addAll(0, CLEANUPS);
            CLEANUPS.clear();
            CLEANUPS.addAll(before);
        }
        return OTHERS_SESSION;
    }

    private static Map<String, String> withAction(String session) {
        String action = id(call("POST", "/partner/v1/sessions/" + session + "/follow-up-actions", agencies[0],
                "{\"title\":\"matrix\"}", 201));
        return Map.of("id", session, "actionId", action);
    }

    /** A booth booking of the founder's on the next slot nobody holds. */
    private static String booking(String founder) throws Exception {
        while (!BOOTH_SLOTS.isEmpty()) {
            OffsetDateTime start = BOOTH_SLOTS.pop();
            HttpResponse<String> answer = send("POST", "/api/coworking/bookings", founder,
                    "{\"spaceId\":\"" + booth + "\",\"start\":\"" + start + "\",\"end\":\"" + start.plusMinutes(30) + "\"}");
            if (answer.statusCode() == 201) {
                String id = id(JSON.readTree(answer.body()));
                CLEANUPS.add(new Cleanup("POST", "/api/coworking/bookings/" + id + "/cancel", founder, "{}"));
                return id;
            }
            assertEquals(409, answer.statusCode(), "booking a booth: " + answer.body());
        }
        throw new AssertionError("no free booth slot left for the matrix");
    }

    /** A session of the founder's with the agency's mentor, requested (the type asks the agency to confirm). */
    private static String session(String agency, String founder) throws Exception {
        Map<String, String> objects = AGENCY_OBJECTS.get(agency);
        String id = id(call("POST", "/api/mentoring/sessions", founder, """
                {"mentorId":"%s","sessionTypeId":"%s","start":"%s"}""".formatted(objects.get("mentor"),
                objects.get("session-type"), SLOTS.get(agency).pop()), 201));
        CLEANUPS.add(new Cleanup("POST", "/partner/v1/sessions/" + id + "/cancel", agency, "{\"reason\":\"matrix\"}"));
        return id;
    }

    private static String webhook(String agency, String events) throws Exception {
        String id = id(call("POST", "/partner/v1/webhooks", agency,
                "{\"url\":\"http://127.0.0.1:9/matrix\",\"events\":" + events + "}", 201));
        CLEANUPS.add(new Cleanup("DELETE", "/partner/v1/webhooks/" + id, agency, null));
        return id;
    }

    private static String await(Supplier<String> poll) throws InterruptedException {
        for (int attempt = 0; attempt < 100; attempt++) {
            String found = poll.get();
            if (found != null) {
                return found;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the object did not appear within 10 s");
    }

    private static String everyDay() {
        return String.join(",", Arrays.stream(java.time.DayOfWeek.values())
                .map(d -> "{\"day\":\"" + d + "\",\"start\":\"09:00\",\"end\":\"17:00\"}").toList());
    }

    private static String id(JsonNode node) {
        return node.path("id").asText();
    }

    private static JsonNode call(String method, String path, String token, String json, int status) {
        try {
            HttpResponse<String> response = send(method, path, token, json);
            assertEquals(status, response.statusCode(), method + " " + path + ": " + response.body());
            return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> send(String method, String path, String token, String json)
            throws IOException, InterruptedException {
        return Gateway.send(method, path, token, json);
    }
}
