package org.smarttown.resident.resident;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.smarttown.commons.testing.ArtemisTestResource;
import org.smarttown.commons.testing.Contracts;
import org.smarttown.resident.EventProbe;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
class ResidentEventsTest {

    @Inject
    EventProbe probe;

    @Inject
    Pool pool;

    @Test
    void registeringPublishesResidentRegisteredInTheShapeOfItsContract() throws Exception {
        UUID id = registered("이영희");

        await().atMost(Duration.ofSeconds(10)).until(() -> !probe.about(id).isEmpty());
        JsonObject event = probe.about(id).get(0);
        assertEquals("ResidentRegistered", event.getString("type"));
        assertEquals(1, event.getInteger("version"));
        assertEquals("이영희", event.getJsonObject("data").getString("name"));
        Contracts.assertSameShape(Contracts.sample("ResidentRegistered.json"),
                new ObjectMapper().readTree(event.encode()));
    }

    @Test
    void theFullModelTravelsInResidentRegisteredWithContactsInOrder() throws Exception {
        UUID id = UUID.fromString(Residents.registeredId(Residents.full("박정순", Residents.uniqueComplex(), true)));

        JsonObject data = eventOf(id, "ResidentRegistered").getJsonObject("data");
        assertEquals("carer1", data.getString("assignedCareWorker"));
        assertEquals("박민수", data.getJsonArray("emergencyContacts").getJsonObject(0).getString("name"));
        assertEquals(2, data.getJsonArray("emergencyContacts").getJsonObject(1).getInteger("order"));
        assertTrue(data.getJsonArray("categories").contains("LIVING_ALONE"));
        Contracts.assertSameShape(Contracts.sample("ResidentRegistered.json"),
                new ObjectMapper().readTree(eventOf(id, "ResidentRegistered").encode()));
    }

    @Test
    void withoutCareConsentTheEventsCarryOnlyTheId() throws Exception {
        UUID id = UUID.fromString(Residents.registeredId(Residents.full("비동의", Residents.uniqueComplex(), false)));
        Residents.patch(Residents.WELFARE, id.toString(), "{\"phone\":\"010-5555-6666\"}").then().statusCode(200);
        given().auth().oauth2(Residents.WELFARE).contentType("application/json")
                .body("{\"status\":\"DECEASED\",\"reason\":\"사망 신고\"}")
                .post("/api/residents/" + id + "/deactivate").then().statusCode(200);

        for (String type : List.of("ResidentRegistered", "ResidentUpdated")) {
            JsonObject event = eventOf(id, type);
            Contracts.assertSameShape(Contracts.sample(type + ".json"), new ObjectMapper().readTree(event.encode()));
            JsonObject data = event.getJsonObject("data");
            assertEquals(false, data.getBoolean("careConsent"));
            for (String field : data.fieldNames()) {
                if (!field.equals("residentId") && !field.equals("careConsent")) {
                    assertTrue(data.getValue(field) == null, type + "." + field + " must be null without consent");
                }
            }
        }
        JsonObject deactivated = eventOf(id, "ResidentDeactivated");
        Contracts.assertSameShape(Contracts.sample("ResidentDeactivated.json"),
                new ObjectMapper().readTree(deactivated.encode()));
        assertNull(deactivated.getJsonObject("data").getValue("status"));
    }

    @Test
    void updatingAndWithdrawingConsentPublishConsentChangedThenResidentUpdatedWithoutPersonalData() throws Exception {
        UUID id = UUID.fromString(Residents.registeredId(Residents.full("철회", Residents.uniqueComplex(), true)));
        Residents.patch(Residents.WELFARE, id.toString(), "{\"assignedCareWorker\":\"carer2\"}").then().statusCode(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> probe.about(id).size() >= 2);
        Residents.patch(Residents.WELFARE, id.toString(),
                "{\"consents\":[{\"purpose\":\"CARE_SERVICES\",\"given\":false}]}").then().statusCode(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> probe.about(id).size() >= 4);
        List<JsonObject> events = probe.about(id);
        assertEquals(List.of("ResidentRegistered", "ResidentUpdated", "ConsentChanged", "ResidentUpdated"),
                events.stream().map(e -> e.getString("type")).toList(), "in commit order");
        assertEquals("carer2", events.get(1).getJsonObject("data").getString("assignedCareWorker"));
        JsonObject consent = events.get(2);
        Contracts.assertSameShape(Contracts.sample("ConsentChanged.json"), new ObjectMapper().readTree(consent.encode()));
        assertEquals("CARE_SERVICES", consent.getJsonObject("data").getString("purpose"));
        assertEquals(false, consent.getJsonObject("data").getBoolean("given"));
        assertEquals(2, consent.getJsonObject("data").getInteger("consentVersion"));
        assertNull(events.get(3).getJsonObject("data").getString("name"));
    }

    @Test
    void deactivationIsPublishedWithTheNewStatus() throws Exception {
        UUID id = UUID.fromString(Residents.registeredId(Residents.full("이사감", Residents.uniqueComplex(), true)));
        given().auth().oauth2(Residents.WELFARE).contentType("application/json")
                .body("{\"status\":\"MOVED_OUT\",\"reason\":\"전출\"}")
                .post("/api/residents/" + id + "/deactivate").then().statusCode(200);

        JsonObject event = eventOf(id, "ResidentDeactivated");
        Contracts.assertSameShape(Contracts.sample("ResidentDeactivated.json"), new ObjectMapper().readTree(event.encode()));
        assertEquals("MOVED_OUT", event.getJsonObject("data").getString("status"));
    }

    private JsonObject eventOf(UUID residentId, String type) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> probe.about(residentId).stream().anyMatch(e -> type.equals(e.getString("type"))));
        return probe.about(residentId).stream().filter(e -> type.equals(e.getString("type"))).findFirst().orElseThrow();
    }

    @Test
    void aWriteSucceedsWhileTheBrokerIsDownAndItsEventFollowsWhenTheBrokerIsBack() throws InterruptedException {
        ArtemisTestResource.stopBroker();
        UUID id;
        try {
            id = registered("정말순");
            // The change is committed with its event waiting in the outbox.
            Thread.sleep(1500);
            Row waiting = outboxRow(id);
            assertTrue(waiting != null, "the event is in the outbox");
            assertNull(waiting.getOffsetDateTime("sent_at"), "the event waits for the broker");
            assertTrue(probe.about(id).isEmpty());
        } finally {
            ArtemisTestResource.startBroker();
        }

        // The broker hands the event to the probe before the relay's pass commits sent_at, so wait for both.
        await().atMost(Duration.ofSeconds(60))
                .until(() -> !probe.about(id).isEmpty() && outboxRow(id).getOffsetDateTime("sent_at") != null);
        Row row = outboxRow(id);
        assertTrue(row.getInteger("attempts") >= 1);
        List<String> eventIds = probe.about(id).stream().map(e -> e.getString("eventId")).distinct().toList();
        assertEquals(List.of(row.getUUID("event_id").toString()), eventIds, "one event, with the outbox's id");
    }

    @Test
    void aRefusedWriteLeavesNoEventBehind() {
        long before = unsentOrSentFor("무효");
        given().auth().oauth2(ResidentResourceTest.WELFARE).contentType("application/json")
                .body(ResidentResourceTest.body("무효").replace("\"F\"", "\"?\"")).post("/api/residents")
                .then().statusCode(400);
        assertEquals(before, unsentOrSentFor("무효"));
    }

    private static UUID registered(String name) {
        return UUID.fromString(ResidentResourceTest.register(ResidentResourceTest.body(name))
                .then().statusCode(201).extract().path("id"));
    }

    private Row outboxRow(UUID residentId) {
        var rows = pool.preparedQuery("select event_id, sent_at, attempts from outbox_message "
                + "where payload -> 'data' ->> 'residentId' = $1")
                .execute(Tuple.of(residentId.toString())).await().indefinitely();
        return rows.size() == 0 ? null : rows.iterator().next();
    }

    private long unsentOrSentFor(String name) {
        return pool.preparedQuery("select count(*) from outbox_message where payload -> 'data' ->> 'name' = $1")
                .execute(Tuple.of(name)).await().indefinitely().iterator().next().getLong(0);
    }
}
