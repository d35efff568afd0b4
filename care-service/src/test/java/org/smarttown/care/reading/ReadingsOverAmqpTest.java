package org.smarttown.care.reading;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.smarttown.care.Fixtures.CARER;
import static org.smarttown.care.Fixtures.reading;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;
import org.smarttown.care.Fixtures;
import org.smarttown.commons.testing.ArtemisTestResource;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.amqp.OutgoingAmqpMetadata;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
class ReadingsOverAmqpTest {

    static final String QUEUE = "care-service.readings";

    @Inject
    Fixtures fixtures;

    @Inject
    Pool pool;

    @Channel("test-readings")
    MutinyEmitter<Buffer> hub;

    @Test
    void aBatchOnTheBrokerFollowsTheSameRulesAndIsStoredOnce() {
        UUID residentId = fixtures.resident("브로커");
        String button = fixtures.device("EMERGENCY_BUTTON", residentId);
        List<Map<String, Object>> readings = List.of(reading(button, "SOS", 1), reading(button, "HEART_RATE", 70));
        String batch = new JsonObject(Map.of("readings", readings)).encode();

        publish(batch);
        publish(batch);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(CARER)
                .queryParam("residentId", residentId).queryParam("kind", "SOS").get("/api/care/alerts").then()
                .body("totalItems", equalTo(1)).body("items[0].level", equalTo("CRITICAL")));
        await().atMost(Duration.ofSeconds(10)).until(() -> ArtemisTestResource.messageCount(QUEUE) == 0);
        // The SOS is stored once; the heart rate from a button is rejected, not stored.
        assertEquals(1, pool.preparedQuery("select count(*) from reading where device_serial = $1")
                .execute(Tuple.of(button)).await().indefinitely().iterator().next().getLong(0));
        given().auth().oauth2(CARER).queryParam("residentId", residentId).queryParam("kind", "SOS")
                .get("/api/care/alerts").then().body("items[0].occurrences", equalTo(1));
    }

    private void publish(String body) {
        hub.sendMessage(Message.of(Buffer.buffer(body)).addMetadata(OutgoingAmqpMetadata.builder()
                .withContentType("application/json").withDurable(true).build())).await().indefinitely();
    }
}
