package org.smarttown.resident.risk;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.smarttown.commons.testing.Contracts;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;

/** Screening bands and overdue visits from care-service's events, across the real broker, in the risk score. */
@QuarkusTest
class CareScreeningAndVisitSignalsTest {

    @Inject
    CareEvents care;

    static ObjectNode screening(String residentId, String instrument, String band, String completedAt) {
        ObjectNode event = CareEvents.event("ScreeningCompleted.json", residentId, null);
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("screeningId", UUID.randomUUID().toString()).put("instrument", instrument).put("completedAt", completedAt);
        if (band == null) {
            data.putNull("band").put("status", "INCOMPLETE");
        } else {
            data.put("band", band);
        }
        return event;
    }

    static ObjectNode visit(String sample, String residentId, UUID visitId) {
        ObjectNode event = CareEvents.event(sample, residentId, null);
        ((ObjectNode) event.get("data")).put("visitId", visitId.toString());
        return event;
    }

    @Test
    void theLatestScreeningBandPerInstrumentIsARiskSignalExplainedInTheAssessment() {
        Contracts.assertCopyMatchesProducer("care-service", "ScreeningCompleted.json");
        String id = NeedsAnalysisTest.register(NeedsAnalysisTest.resident("두암동", NeedsAnalysisTest.unique("선별단지"), "201",
                35.174, 126.927));
        assertEquals(45, NeedsAnalysisTest.score(id));

        care.send(screening(id, "PHQ-9", "MODERATE", "2026-11-25T10:00:00Z"));
        await().atMost(Duration.ofSeconds(10)).until(() -> NeedsAnalysisTest.score(id) == 60);
        given().auth().oauth2(NeedsAnalysisTest.WELFARE).get("/api/residents/" + id + "/risk").then()
                .body("signals.find { it.signal == 'SCREENING_MODERATE' }.points", equalTo(15))
                .body("signals.find { it.signal == 'SCREENING_MODERATE' }.source", equalTo("care-service"))
                .body("signals.find { it.signal == 'SCREENING_MODERATE' }.detail",
                        equalTo("PHQ-9 MODERATE, follow-up asked on 2026-11-25"));

        // A later, worse PHQ-9 replaces it; an older one arriving late and an incomplete form change nothing.
        care.send(screening(id, "PHQ-9", "SEVERE", "2026-11-26T10:00:00Z"));
        await().atMost(Duration.ofSeconds(10)).until(() -> NeedsAnalysisTest.score(id) == 70);
        care.send(screening(id, "PHQ-9", "MINIMAL", "2026-11-20T10:00:00Z"));
        care.send(screening(id, "PHQ-9", null, "2026-11-27T10:00:00Z"));
        // A cognitive screening under its cutoff adds its own signal: the sign that the events above were consumed.
        care.send(screening(id, "COGNITIVE", "IMPAIRED", "2026-11-27T11:00:00Z"));
        await().atMost(Duration.ofSeconds(10)).until(() -> NeedsAnalysisTest.score(id) == 85);
        given().auth().oauth2(NeedsAnalysisTest.WELFARE).get("/api/residents/" + id + "/risk").then()
                .body("signals.signal", hasItem("SCREENING_SEVERE"))
                .body("signals.signal", hasItem("SCREENING_IMPAIRED"))
                .body("signals.signal", not(hasItem("SCREENING_MODERATE")));
    }

    @Test
    void anOverdueVisitRaisesTheRiskUntilCareServiceReportsItClosed() {
        Contracts.assertCopyMatchesProducer("care-service", "VisitOverdue.json");
        Contracts.assertCopyMatchesProducer("care-service", "VisitClosed.json");
        String id = NeedsAnalysisTest.register(NeedsAnalysisTest.resident("두암동", NeedsAnalysisTest.unique("방문단지"), "201",
                35.174, 126.927));
        UUID visitId = UUID.randomUUID();

        ObjectNode overdue = visit("VisitOverdue.json", id, visitId);
        care.send(overdue);
        await().atMost(Duration.ofSeconds(10)).until(() -> NeedsAnalysisTest.score(id) == 55);
        given().auth().oauth2(NeedsAnalysisTest.WELFARE).get("/api/residents/" + id + "/risk").then()
                .body("signals.find { it.signal == 'VISIT_OVERDUE' }.points", equalTo(10))
                .body("signals.find { it.signal == 'VISIT_OVERDUE' }.detail",
                        equalTo("screening visit " + visitId + " due 2026-11-26T18:00, not done"));

        care.send(visit("VisitClosed.json", id, visitId));
        await().atMost(Duration.ofSeconds(10)).until(() -> NeedsAnalysisTest.score(id) == 45);
        // The same overdue event delivered again, or a new one about the closed visit, does not bring it back.
        care.send(overdue);
        care.send(visit("VisitOverdue.json", id, visitId));
        UUID second = UUID.randomUUID();
        care.send(visit("VisitOverdue.json", id, second));
        await().atMost(Duration.ofSeconds(10)).until(() -> NeedsAnalysisTest.score(id) == 55);
        given().auth().oauth2(NeedsAnalysisTest.WELFARE).get("/api/residents/" + id + "/risk").then()
                .body("signals.findAll { it.signal == 'VISIT_OVERDUE' }.size()", equalTo(1));
    }
}
