package org.smarttown.care.profile;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.smarttown.commons.testing.ArtemisTestResource;
import org.smarttown.commons.testing.Contracts;
import org.smarttown.commons.testing.TestTokens;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
class CareProfileFromEventsTest {

    static final String CARER = TestTokens.user("carer1", "care-worker");
    static final String QUEUE = "care-service.residents";
    /** Artemis names an auto-created dead-letter queue after the original address. */
    static final String DEAD_LETTERS = "DLQ.residents.events";

    @Inject
    ResidentEvents events;

    @Inject
    Pool pool;

    @Test
    void aRegisteredResidentWhoConsentedGetsACareProfile() {
        UUID residentId = UUID.randomUUID();
        events.send(ResidentEvents.registered(residentId, "김순자", true).toString());

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(CARER)
                .get("/api/care/profiles/" + residentId).then()
                .statusCode(200)
                .body("name", equalTo("김순자"))
                .body("complex", equalTo("두암주공2단지"))
                .body("status", equalTo("OPEN")));
    }

    @Test
    void aRedeliveredEventIsAppliedOnlyOnce() {
        UUID residentId = UUID.randomUUID();
        ObjectNode event = ResidentEvents.registered(residentId, "박영수", true);
        events.send(event.toString());
        events.send(event.toString());
        events.send(event.toString());

        await().atMost(Duration.ofSeconds(10)).until(() -> ArtemisTestResource.messageCount(QUEUE) == 0
                && count("select count(*) from processed_event where event_id = $1", event.get("eventId").asText()) == 1);
        // Nothing is left redelivering or dead-lettered, and there is one profile.
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> ArtemisTestResource.messageCount(QUEUE) == 0);
        assertEquals(1, count("select count(*) from care_profile where resident_id = $1", residentId.toString()));
        assertEquals(1, count("select count(*) from processed_event where event_id = $1", event.get("eventId").asText()));
    }

    @Test
    void aResidentWithoutCareConsentGetsNoProfile() {
        UUID residentId = UUID.randomUUID();
        ObjectNode event = ResidentEvents.registered(residentId, "동의안함", false);
        events.send(event.toString());

        await().atMost(Duration.ofSeconds(10))
                .until(() -> count("select count(*) from processed_event where event_id = $1",
                        event.get("eventId").asText()) == 1);
        given().auth().oauth2(CARER).get("/api/care/profiles/" + residentId).then().statusCode(404);
    }

    @Test
    void anUnreadableEventGoesToTheDeadLetterQueueWithoutStoppingTheEventsBehindIt() {
        long deadBefore = Math.max(0, ArtemisTestResource.messageCount(DEAD_LETTERS));
        events.send("{\"this is\": \"not an event\"}");
        events.send("not even json", "text/plain");
        UUID residentId = UUID.randomUUID();
        events.send(ResidentEvents.registered(residentId, "다음사람", true).toString());

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().auth().oauth2(CARER)
                .get("/api/care/profiles/" + residentId).then().statusCode(200));
        await().atMost(Duration.ofSeconds(15))
                .until(() -> ArtemisTestResource.messageCount(DEAD_LETTERS) == deadBefore + 2);
    }

    @Test
    void ourCopiesOfTheResidentContractsAreTheProducersAndWeCanReadThem() throws Exception {
        for (String file : new String[] { "ResidentRegistered.json", "ResidentUpdated.json",
                "ResidentDeactivated.json", "ConsentChanged.json" }) {
            Contracts.assertCopyMatchesProducer("resident-service", file);
        }
        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
        ResidentRegistered registered = mapper.treeToValue(Contracts.sample("ResidentRegistered.json").get("data"),
                ResidentRegistered.class);
        assertEquals("두암주공2단지", registered.complex());
        assertEquals("carer1", registered.assignedCareWorker());
        assertEquals("박민수", registered.emergencyContacts().get(0).name());
        ResidentRegistered updated = mapper.treeToValue(Contracts.sample("ResidentUpdated.json").get("data"),
                ResidentRegistered.class);
        assertEquals("SON", updated.emergencyContacts().get(0).relation());
        assertEquals("MOVED_OUT", mapper.treeToValue(Contracts.sample("ResidentDeactivated.json").get("data"),
                ResidentDeactivated.class).status());
        assertEquals(ConsentChanged.CARE_SERVICES, mapper.treeToValue(Contracts.sample("ConsentChanged.json")
                .get("data"), ConsentChanged.class).purpose());
    }

    @Test
    void profilesNeedACareRole() {
        given().auth().oauth2(TestTokens.user("founder1", "founder")).get("/api/care/profiles").then()
                .statusCode(403);
        given().get("/api/care/profiles").then().statusCode(401);
    }

    private long count(String sql, String id) {
        return pool.preparedQuery(sql.replace("$1", "$1::uuid")).execute(Tuple.of(id)).await().indefinitely()
                .iterator().next().getLong(0);
    }
}
