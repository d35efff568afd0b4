package org.smarttown.mentoring.booking;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.smarttown.mentoring.Api.AGENCY_A;
import static org.smarttown.mentoring.Api.as;
import static org.smarttown.mentoring.Api.founder;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smarttown.commons.testing.Contracts;
import org.smarttown.mentoring.Api;
import org.smarttown.mentoring.EventProbe;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

/** What the service publishes to mentoring.events through the outbox, checked against its contract samples. */
@QuarkusTest
class SessionEventsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Inject
    EventProbe probe;

    private final LocalDate monday = Api.mondayAhead(4);

    @BeforeEach
    void agencies() {
        Api.agencies();
    }

    @Test
    void everySessionChangeIsPublishedInTheShapeOfItsContract() throws Exception {
        String mentorId = Api.mentor(AGENCY_A, "Event mentor", List.of("events"), Api.everyDay("09:00", "12:00"));
        Map<String, Object> type = Api.sessionType("MENTORING", 60);
        type.put("requiresConfirmation", true);
        String typeId = Api.createSessionType(AGENCY_A, type);
        String book = as(founder("event-founder")).body(Api.booking(mentorId, typeId, Api.at(monday, "09:00")))
                .post("/api/mentoring/sessions").then().statusCode(201).extract().path("id");
        as(AGENCY_A).post("/partner/v1/sessions/" + book + "/confirm").then().statusCode(200);
        as(AGENCY_A).body(Map.of("start", Api.at(monday, "10:00"), "reason", "moved"))
                .post("/partner/v1/sessions/" + book + "/reschedule").then().statusCode(200);
        as(AGENCY_A).body(Map.of("side", "GUEST")).post("/partner/v1/sessions/" + book + "/no-show").then().statusCode(200);
        String second = as(founder("event-founder")).body(Api.booking(mentorId, typeId, Api.at(monday, "11:00")))
                .post("/api/mentoring/sessions").then().statusCode(201).extract().path("id");
        as(AGENCY_A).post("/partner/v1/sessions/" + second + "/decline").then().statusCode(200);
        String third = as(founder("event-founder")).body(Api.booking(mentorId, typeId, Api.at(monday.plusDays(1), "09:00")))
                .post("/api/mentoring/sessions").then().statusCode(201).extract().path("id");
        as(founder("event-founder")).post("/api/mentoring/sessions/" + third + "/cancel").then().statusCode(200);
        String fourth = as(founder("event-founder")).body(Api.booking(mentorId, typeId, Api.at(monday.plusDays(1), "10:00")))
                .post("/api/mentoring/sessions").then().statusCode(201).extract().path("id");
        as(AGENCY_A).post("/partner/v1/sessions/" + fourth + "/confirm").then().statusCode(200);
        as(AGENCY_A).post("/partner/v1/sessions/" + fourth + "/complete").then().statusCode(200);

        await().atMost(Duration.ofSeconds(30)).until(() -> probe.about(book).size() == 4 && probe.about(second).size() == 2
                && probe.about(third).size() == 2 && probe.about(fourth).size() == 3);
        assertEquals(List.of("SessionRequested", "SessionConfirmed", "SessionRescheduled", "SessionNoShow"),
                probe.about(book).stream().map(e -> e.getString("type")).toList());
        assertEquals(List.of("SessionRequested", "SessionDeclined"), types(second));
        assertEquals(List.of("SessionRequested", "SessionCancelled"), types(third));
        assertEquals(List.of("SessionRequested", "SessionConfirmed", "SessionCompleted"), types(fourth));
        for (String sessionId : List.of(book, second, third, fourth)) {
            for (JsonObject event : probe.about(sessionId)) {
                Contracts.assertSameShape(Contracts.sample(event.getString("type") + ".json"),
                        MAPPER.readTree(event.encode()));
            }
        }
        JsonObject rescheduled = probe.about(book).get(2);
        assertEquals(Api.at(monday, "09:00"), rescheduled.getJsonObject("data").getString("previousStart"));
        assertEquals("agency:agency-a", rescheduled.getJsonObject("data").getString("actor"));
        assertEquals("NO_SHOW_GUEST", probe.about(book).get(3).getJsonObject("data").getString("status"));
    }

    private List<String> types(String sessionId) {
        return probe.about(sessionId).stream().map(e -> e.getString("type")).toList();
    }
}
