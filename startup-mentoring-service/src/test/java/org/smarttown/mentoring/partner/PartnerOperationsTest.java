package org.smarttown.mentoring.partner;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smarttown.mentoring.Api.AGENCY_A;
import static org.smarttown.mentoring.Api.as;
import static org.smarttown.mentoring.Api.founder;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smarttown.mentoring.Api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The partner API's promises that hold for every operation alike: each needs exactly its own scope,
 * each POST can be retried with an Idempotency-Key without acting twice, and each list is paged.
 */
@QuarkusTest
class PartnerOperationsTest {

    private static final List<String> SCOPES = List.of("mentors:read", "mentors:write", "sessions:read",
            "sessions:write", "webhooks:manage");
    // Nothing listens there: deliveries to it fail and wait, which is all these tests need of them.
    private static final String DEAD_URL = "http://127.0.0.1:9/hooks";

    @Inject
    Pool pool;

    private final LocalDate monday = Api.mondayAhead(10);
    private final List<String> endpoints = new ArrayList<>();
    private String mentorId;
    private String confirmType;

    @BeforeEach
    void agencyAData() {
        Api.agencies();
        mentorId = Api.mentor(AGENCY_A, "Operations mentor", List.of("operations"), Api.everyDay("09:00", "17:00"));
        Map<String, Object> type = Api.sessionType("MENTORING", 60);
        type.put("requiresConfirmation", true);
        confirmType = Api.createSessionType(AGENCY_A, type);
    }

    @AfterEach
    void removeEndpoints() {
        endpoints.forEach(id -> as(AGENCY_A).delete("/partner/v1/webhooks/" + id));
    }

    private String book(String founderName, String time) {
        return as(founder(founderName)).body(Api.booking(mentorId, confirmType, Api.at(monday, time)))
                .post("/api/mentoring/sessions").then().statusCode(201).extract().path("id");
    }

    private String registerEndpoint(List<String> events) {
        String id = as(AGENCY_A).body(Map.of("url", DEAD_URL, "events", events)).post("/partner/v1/webhooks").then()
                .statusCode(201).extract().path("id");
        endpoints.add(id);
        return id;
    }

    private static String withScopes(List<String> scopes) {
        return Api.agency("agency-a", "profile email " + String.join(" ", scopes));
    }

    record Operation(String method, String path, String scope, Object body) {
        Response send(String token) {
            var request = as(token);
            if (body != null) {
                request = request.body(body);
            }
            return request.request(method, path);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @Test
    void everyPartnerOperationNeedsItsOwnScopeAndNoOther() {
        String webhook = registerEndpoint(List.of("session.requested"));
        String sessionId = book("ops-scope-founder", "09:00");
        String deliveryId = as(AGENCY_A).get("/partner/v1/webhooks/" + webhook + "/deliveries").then().statusCode(200)
                .extract().path("items[0].id");
        Map<String, Object> typeBody = Api.sessionType("MENTORING", 60);
        typeBody.put("requiresConfirmation", true);
        String mentor = "/partner/v1/mentors/" + mentorId;
        String session = "/partner/v1/sessions/" + sessionId;
        // Every operation of the partner API, destructive ones last.
        List<Operation> operations = List.of(
                new Operation("GET", "/partner/v1/mentors", "mentors:read", null),
                new Operation("POST", "/partner/v1/mentors", "mentors:write",
                        Map.of("name", "Scoped mentor", "expertise", List.of("scopes"))),
                new Operation("GET", mentor, "mentors:read", null),
                new Operation("PUT", mentor, "mentors:write", Map.of("name", "Operations mentor",
                        "expertise", List.of("operations"), "languages", List.of("ko"))),
                new Operation("GET", mentor + "/availability", "mentors:read", null),
                new Operation("PUT", mentor + "/availability", "mentors:write", Api.everyDay("09:00", "17:00")),
                new Operation("GET", "/partner/v1/session-types", "mentors:read", null),
                new Operation("POST", "/partner/v1/session-types", "mentors:write", typeBody),
                new Operation("GET", "/partner/v1/session-types/" + confirmType, "mentors:read", null),
                new Operation("PUT", "/partner/v1/session-types/" + confirmType, "mentors:write", typeBody),
                new Operation("GET", "/partner/v1/sessions", "sessions:read", null),
                new Operation("GET", session, "sessions:read", null),
                new Operation("POST", session + "/confirm", "sessions:write", Map.of("reason", "ok")),
                new Operation("POST", session + "/reschedule", "sessions:write", Map.of("start", Api.at(monday, "10:00"))),
                new Operation("POST", session + "/decline", "sessions:write", Map.of()),
                new Operation("POST", session + "/no-show", "sessions:write", Map.of("side", "GUEST")),
                new Operation("POST", session + "/complete", "sessions:write", Map.of()),
                new Operation("POST", session + "/cancel", "sessions:write", Map.of()),
                new Operation("GET", session + "/follow-up", "sessions:read", null),
                new Operation("POST", session + "/notes", "sessions:write", Map.of("text", "scoped note")),
                new Operation("POST", session + "/follow-up-actions", "sessions:write", Map.of("title", "scoped action")),
                new Operation("GET", "/partner/v1/report?from=" + monday + "&to=" + monday, "sessions:read", null),
                new Operation("GET", "/partner/v1/webhooks", "webhooks:manage", null),
                new Operation("POST", "/partner/v1/webhooks", "webhooks:manage", Map.of("url", DEAD_URL,
                        "events", List.of("session.completed"))),
                new Operation("GET", "/partner/v1/webhooks/" + webhook + "/deliveries", "webhooks:manage", null),
                new Operation("POST", "/partner/v1/webhooks/deliveries/" + deliveryId + "/redeliver", "webhooks:manage",
                        null),
                new Operation("DELETE", "/partner/v1/webhooks/" + webhook, "webhooks:manage", null));

        for (Operation operation : operations) {
            List<String> others = SCOPES.stream().filter(s -> !s.equals(operation.scope())).toList();
            operation.send(withScopes(others)).then().statusCode(403).contentType("application/problem+json")
                    .body("type", equalTo("urn:smarttown:problem:insufficient-scope"))
                    .body("detail", containsString(operation.scope()));
            if (!operation.method().equals("GET")) {
                // Without the scope the body is not even read: a broken one is a 403 too, not a 400
                // that would tell the caller what the operation expects.
                new Operation(operation.method(), operation.path(), operation.scope(), Map.of("noSuchField", true))
                        .send(withScopes(others)).then().statusCode(403)
                        .body("type", equalTo("urn:smarttown:problem:insufficient-scope"));
            }

            Response allowed = operation.send(withScopes(List.of(operation.scope())));
            assertTrue(allowed.statusCode() != 403 && allowed.statusCode() < 500,
                    operation + " with only " + operation.scope() + ": " + allowed.statusCode() + " " + allowed.asString());
            if (operation.method().equals("POST") && operation.path().equals("/partner/v1/webhooks")) {
                endpoints.add(allowed.path("id"));
            }
        }
        // The refused calls changed nothing: the session saw only the calls that had their scope.
        as(AGENCY_A).get(session).then().statusCode(200)
                .body("changes.toStatus", equalTo(List.of("REQUESTED", "CONFIRMED", "CONFIRMED", "NO_SHOW_GUEST")));
    }

    @Test
    void everyPartnerPostRetriedWithTheSameKeyActsOnceAndAnswersTheSame() {
        String key = UUID.randomUUID().toString();
        String toConfirm = book("ops-retry-1", "09:00");
        String toDecline = book("ops-retry-2", "10:00");
        String toCancel = book("ops-retry-3", "11:00");
        String toMarkNoShow = book("ops-retry-4", "12:00");
        as(AGENCY_A).post("/partner/v1/sessions/" + toMarkNoShow + "/confirm").then().statusCode(200);
        String webhook = registerEndpoint(List.of("session.declined"));

        Map<String, Object> typeBody = Api.sessionType("CONSULTING_IP", 30);
        Map<String, Object> endpointBody = Map.of("url", DEAD_URL, "events", List.of("session.no_show"));
        List<Operation> posts = List.of(
                new Operation("POST", "/partner/v1/mentors", "", Map.of("name", "Retried mentor " + key,
                        "expertise", List.of("retry"))),
                new Operation("POST", "/partner/v1/session-types", "", typeBody),
                new Operation("POST", "/partner/v1/sessions/" + toConfirm + "/confirm", "", Map.of("reason", "ok")),
                new Operation("POST", "/partner/v1/sessions/" + toConfirm + "/reschedule", "",
                        Map.of("start", Api.at(monday, "14:00"), "reason", "room")),
                new Operation("POST", "/partner/v1/sessions/" + toConfirm + "/notes", "",
                        Map.of("text", "retried note", "sharedWithFounder", true)),
                new Operation("POST", "/partner/v1/sessions/" + toConfirm + "/follow-up-actions", "",
                        Map.of("title", "retried action")),
                new Operation("POST", "/partner/v1/sessions/" + toConfirm + "/complete", "", null),
                new Operation("POST", "/partner/v1/sessions/" + toDecline + "/decline", "", Map.of("reason", "full")),
                new Operation("POST", "/partner/v1/sessions/" + toCancel + "/cancel", "", Map.of("reason", "ill")),
                new Operation("POST", "/partner/v1/sessions/" + toMarkNoShow + "/no-show", "", Map.of("side", "HOST")),
                new Operation("POST", "/partner/v1/webhooks", "", endpointBody));

        for (Operation post : posts) {
            String opKey = key + post.path().hashCode();
            Response first = as(AGENCY_A).header("Idempotency-Key", opKey).body(post.body() == null ? Map.of() : post.body())
                    .post(post.path());
            Response again = as(AGENCY_A).header("Idempotency-Key", opKey).body(post.body() == null ? Map.of() : post.body())
                    .post(post.path());
            assertTrue(first.statusCode() == 200 || first.statusCode() == 201, post + ": " + first.asString());
            assertEquals(first.statusCode(), again.statusCode(), post + ": " + again.asString());
            assertEquals("true", again.header("Idempotent-Replayed"), post.toString());
            assertEquals(first.<String> path("id"), again.<String> path("id"), post.toString());
            if (post.path().equals("/partner/v1/webhooks")) {
                endpoints.add(first.path("id"));
                // The agency may have lost the first answer: the retry carries the same secret.
                assertEquals(first.<String> path("secret"), again.<String> path("secret"));
                String secret = first.path("secret");
                long stored = pool.preparedQuery("select count(*) as n from idempotency_key where body like $1")
                        .execute(Tuple.of("%" + secret.substring("whsec_".length()) + "%"))
                        .await().atMost(Duration.ofSeconds(10)).iterator().next().getLong("n");
                assertEquals(0, stored, "the stored answer for retries holds no signing secret");
            }
        }
        String redeliver = "/partner/v1/webhooks/deliveries/"
                + as(AGENCY_A).get("/partner/v1/webhooks/" + webhook + "/deliveries").then().statusCode(200)
                        .extract().path("items[0].id") + "/redeliver";
        as(AGENCY_A).header("Idempotency-Key", key + "redeliver").post(redeliver).then().statusCode(202);
        as(AGENCY_A).header("Idempotency-Key", key + "redeliver").post(redeliver).then().statusCode(202)
                .header("Idempotent-Replayed", "true");

        // Each action happened once: a second confirm, complete, decline, cancel or no-show would have
        // been refused (409), a second note, action, mentor, type or endpoint would be there twice.
        as(AGENCY_A).get("/partner/v1/sessions/" + toConfirm).then().statusCode(200)
                .body("changes.toStatus", equalTo(List.of("REQUESTED", "CONFIRMED", "CONFIRMED", "COMPLETED")));
        as(AGENCY_A).get("/partner/v1/sessions/" + toConfirm + "/follow-up").then().statusCode(200)
                .body("notes.size()", equalTo(1)).body("actions.size()", equalTo(1));
        for (String id : List.of(toDecline, toCancel, toMarkNoShow)) {
            as(AGENCY_A).get("/partner/v1/sessions/" + id).then().statusCode(200)
                    .body("changes.findAll { it.actorKind == 'AGENCY' && it.toStatus != 'CONFIRMED' }.size()",
                            equalTo(1));
        }
        as(AGENCY_A).queryParam("size", 100).get("/partner/v1/mentors").then().statusCode(200)
                .body("items.findAll { it.name == 'Retried mentor " + key + "' }.size()", equalTo(1));
        as(AGENCY_A).queryParam("size", 100).get("/partner/v1/webhooks").then().statusCode(200)
                .body("items.findAll { it.events == ['session.no_show'] }.size()", equalTo(1));
    }

    @Test
    void everyPartnerListIsPagedWithAMaximumSize() {
        Api.mentor(AGENCY_A, "Paged mentor", List.of("paging"), Api.everyDay("09:00", "12:00"));
        Api.createSessionType(AGENCY_A, Api.sessionType("CONSULTING_LEGAL", 30));
        String webhook = registerEndpoint(List.of("session.requested"));
        registerEndpoint(List.of("session.requested"));
        book("ops-page-1", "09:00");
        book("ops-page-2", "10:00");
        List<String> lists = List.of("/partner/v1/mentors", "/partner/v1/session-types", "/partner/v1/sessions",
                "/partner/v1/webhooks", "/partner/v1/webhooks/" + webhook + "/deliveries");
        for (String list : lists) {
            Response first = as(AGENCY_A).queryParam("size", 1).queryParam("page", 0).get(list);
            first.then().statusCode(200).body("size", equalTo(1)).body("page", equalTo(0)).body("items.size()", equalTo(1));
            long total = ((Number) first.path("totalItems")).longValue();
            assertTrue(total >= 2, list + " has " + total);
            assertEquals(total, ((Number) first.path("totalPages")).longValue(), list);
            as(AGENCY_A).queryParam("size", 1).queryParam("page", 1).get(list).then().statusCode(200)
                    .body("page", equalTo(1)).body("items.size()", equalTo(1))
                    .body("items[0].id", not(equalTo(first.<String> path("items[0].id"))));
            as(AGENCY_A).queryParam("size", 101).get(list).then().statusCode(400).contentType("application/problem+json");
            as(AGENCY_A).queryParam("page", -1).get(list).then().statusCode(400);
        }
    }
}
