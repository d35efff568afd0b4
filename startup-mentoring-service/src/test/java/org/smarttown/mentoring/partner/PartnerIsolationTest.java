package org.smarttown.mentoring.partner;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.smarttown.mentoring.Api.AGENCY_A;
import static org.smarttown.mentoring.Api.AGENCY_B;
import static org.smarttown.mentoring.Api.as;
import static org.smarttown.mentoring.Api.founder;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smarttown.commons.testing.TestTokens;
import org.smarttown.mentoring.Api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * Every partner endpoint, called by agency-b on agency-a's objects: lists leave them out, reads
 * and writes answer 404, and nothing of agency-a changes. The agency comes only from the token.
 */
@QuarkusTest
class PartnerIsolationTest {

    private final LocalDate monday = Api.mondayAhead(3);
    private String mentorId;
    private String typeId;
    private String sessionId;

    @BeforeEach
    void agencyAData() {
        Api.agencies();
        mentorId = Api.mentor(AGENCY_A, "Only of A", List.of("isolation"), Api.everyDay("09:00", "12:00"));
        Map<String, Object> type = Api.sessionType("MENTORING", 60);
        type.put("requiresConfirmation", true);
        typeId = Api.createSessionType(AGENCY_A, type);
        sessionId = as(founder("iso-founder")).body(Api.booking(mentorId, typeId, Api.at(monday, "09:00")))
                .post("/api/mentoring/sessions").then().statusCode(201).extract().path("id");
    }

    private void mentorOfAIsUnchanged() {
        as(AGENCY_A).get("/partner/v1/mentors/" + mentorId).then().statusCode(200)
                .body("name", equalTo("Only of A")).body("availability.weekly.size()", equalTo(7));
    }

    private void sessionOfAIsUnchanged() {
        as(AGENCY_A).get("/partner/v1/sessions/" + sessionId).then().statusCode(200)
                .body("status", equalTo("REQUESTED")).body("start", equalTo(Api.at(monday, "09:00")));
    }

    @Test
    void listsOfAnotherAgencyLeaveOutAgencyAsObjects() {
        as(AGENCY_B).queryParam("size", 100).get("/partner/v1/mentors").then().statusCode(200)
                .body("items.id", not(hasItem(mentorId))).body("items.agencyId", not(hasItem("agency-a")));
        as(AGENCY_B).queryParam("size", 100).get("/partner/v1/session-types").then().statusCode(200)
                .body("items.id", not(hasItem(typeId)));
        as(AGENCY_B).queryParam("size", 100).get("/partner/v1/sessions").then().statusCode(200)
                .body("items.id", not(hasItem(sessionId)));
        as(AGENCY_A).queryParam("size", 100).queryParam("status", "REQUESTED").get("/partner/v1/sessions").then()
                .statusCode(200).body("items.id", hasItem(sessionId));
        as(AGENCY_A).queryParam("status", "WHATEVER").get("/partner/v1/sessions").then().statusCode(400);
    }

    @Test
    void aBodyCannotNameAnAgencyAndCreatingUsesTheTokensAgency() {
        // The agency comes from the token only: a body that names one is refused, naming the field.
        Map<String, Object> mentor = Map.of("name", "Sneaky", "agencyId", "agency-a", "expertise", List.of("x"));
        as(AGENCY_B).body(mentor).post("/partner/v1/mentors").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("agencyId"));
        Map<String, Object> type = new java.util.HashMap<>(Api.sessionType("MENTORING", 30));
        type.put("agencyId", "agency-a");
        as(AGENCY_B).body(type).post("/partner/v1/session-types").then().statusCode(400)
                .body("errors[0].field", equalTo("agencyId"));
        as(AGENCY_B).body(Map.of("name", "Sneaky", "expertise", List.of("x"))).post("/partner/v1/mentors").then()
                .statusCode(201).body("agencyId", equalTo("agency-b"));
        type.remove("agencyId");
        as(AGENCY_B).body(type).post("/partner/v1/session-types").then().statusCode(201)
                .body("agencyId", equalTo("agency-b"));
    }

    @Test
    void mentorsOfAnotherAgencyAreNotFoundForReadingOrChanging() {
        as(AGENCY_B).get("/partner/v1/mentors/" + mentorId).then().statusCode(404).contentType("application/problem+json");
        as(AGENCY_B).body(Map.of("name", "Taken over")).put("/partner/v1/mentors/" + mentorId).then().statusCode(404);
        as(AGENCY_B).get("/partner/v1/mentors/" + mentorId + "/availability").then().statusCode(404);
        as(AGENCY_B).body(Map.of("weekly", List.of())).put("/partner/v1/mentors/" + mentorId + "/availability").then()
                .statusCode(404);
        mentorOfAIsUnchanged();
    }

    @Test
    void sessionTypesOfAnotherAgencyAreNotFoundForReadingOrChanging() {
        as(AGENCY_B).get("/partner/v1/session-types/" + typeId).then().statusCode(404);
        as(AGENCY_B).body(Api.sessionType("MENTORING", 15)).put("/partner/v1/session-types/" + typeId).then()
                .statusCode(404);
        as(AGENCY_A).get("/partner/v1/session-types/" + typeId).then().statusCode(200)
                .body("durationMinutes", equalTo(60));
    }

    @Test
    void sessionsOfAnotherAgencyAreNotFoundForAnyAction() {
        as(AGENCY_B).get("/partner/v1/sessions/" + sessionId).then().statusCode(404);
        for (String action : List.of("confirm", "decline", "cancel", "complete")) {
            as(AGENCY_B).body(Map.of("reason", "not ours")).post("/partner/v1/sessions/" + sessionId + "/" + action)
                    .then().statusCode(404);
        }
        as(AGENCY_B).body(Map.of("side", "GUEST")).post("/partner/v1/sessions/" + sessionId + "/no-show").then()
                .statusCode(404);
        as(AGENCY_B).body(Map.of("start", Api.at(monday, "10:00"))).post("/partner/v1/sessions/" + sessionId + "/reschedule")
                .then().statusCode(404);
        sessionOfAIsUnchanged();
    }

    @Test
    void theOwningAgencyReschedulesAndRetriesAreSafe() {
        as(AGENCY_A).header("Idempotency-Key", "move-" + sessionId).body(Map.of("start", Api.at(monday, "11:00")))
                .post("/partner/v1/sessions/" + sessionId + "/reschedule").then().statusCode(200)
                .body("start", equalTo(Api.at(monday, "11:00")));
        as(AGENCY_A).header("Idempotency-Key", "move-" + sessionId).body(Map.of("start", Api.at(monday, "11:00")))
                .post("/partner/v1/sessions/" + sessionId + "/reschedule").then().statusCode(200)
                .header("Idempotent-Replayed", "true");
        as(AGENCY_A).header("Idempotency-Key", "move-" + sessionId).body(Map.of("start", Api.at(monday, "10:00")))
                .post("/partner/v1/sessions/" + sessionId + "/reschedule").then().statusCode(422);
        as(AGENCY_A).get("/partner/v1/sessions/" + sessionId).then().body("changes.size()", equalTo(2));
    }

    @Test
    void aTokenMayDoOnlyWhatItsScopesAllow() {
        String readOnly = Api.agency("agency-a", "profile email sessions:read mentors:read");
        as(readOnly).get("/partner/v1/sessions/" + sessionId).then().statusCode(200);
        as(readOnly).get("/partner/v1/mentors/" + mentorId).then().statusCode(200);
        as(readOnly).post("/partner/v1/sessions/" + sessionId + "/confirm").then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:smarttown:problem:insufficient-scope"))
                .body("detail", containsString("sessions:write"));
        as(readOnly).body(Map.of("name", "x")).post("/partner/v1/mentors").then().statusCode(403)
                .body("detail", containsString("mentors:write"));
        as(readOnly).get("/partner/v1/webhooks").then().statusCode(403).body("detail", containsString("webhooks:manage"));
        sessionOfAIsUnchanged();
    }

    @Test
    void aTokenWithoutPartnerScopesMayDoNothingAndIsToldWhichScopeIsMissing() {
        // What Keycloak issues to a client that asks for no scope: its default scopes only.
        String keycloakDefault = Api.agency("agency-a", "profile email");
        Map<String, String> reads = Map.of("/partner/v1/mentors", "mentors:read",
                "/partner/v1/mentors/" + mentorId, "mentors:read",
                "/partner/v1/mentors/" + mentorId + "/availability", "mentors:read",
                "/partner/v1/session-types", "mentors:read",
                "/partner/v1/sessions", "sessions:read",
                "/partner/v1/sessions/" + sessionId, "sessions:read",
                "/partner/v1/sessions/" + sessionId + "/follow-up", "sessions:read",
                "/partner/v1/report?from=2026-01-01&to=2026-01-31", "sessions:read",
                "/partner/v1/webhooks", "webhooks:manage");
        reads.forEach((path, scope) -> as(keycloakDefault).get(path).then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString(scope)));
        as(keycloakDefault).post("/partner/v1/sessions/" + sessionId + "/confirm").then().statusCode(403)
                .body("detail", containsString("sessions:write"));
        as(keycloakDefault).body(Map.of("text", "x")).post("/partner/v1/sessions/" + sessionId + "/notes").then()
                .statusCode(403).body("detail", containsString("sessions:write"));
        as(keycloakDefault).body(Api.sessionType("MENTORING", 30)).post("/partner/v1/session-types").then()
                .statusCode(403).body("detail", containsString("mentors:write"));
        as(keycloakDefault).body(Map.of("url", "https://example.org/hook")).post("/partner/v1/webhooks").then()
                .statusCode(403).body("detail", containsString("webhooks:manage"));
        sessionOfAIsUnchanged();
    }

    @Test
    void aPartnerTokenWithoutAnAgencyIsRefused() {
        String noAgency = OidcWiremockTestResource.generateJwtToken("service-account-x", Set.of("agency-partner"),
                "client-x", "Bearer", Set.of(TestTokens.AUDIENCE), Map.of("azp", "x", "scope", Api.ALL_SCOPES));
        as(noAgency).get("/partner/v1/mentors").then().statusCode(403).body("detail", containsString("agency_id"));
    }
}
