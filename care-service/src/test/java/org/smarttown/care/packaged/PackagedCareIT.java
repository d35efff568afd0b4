package org.smarttown.care.packaged;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smarttown.care.Fixtures;
import org.smarttown.care.profile.ResidentEvents;
import org.smarttown.commons.testing.ArtemisTestResource;
import org.smarttown.commons.testing.ServicePlatformTest;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import io.vertx.amqp.AmqpClient;
import io.vertx.amqp.AmqpClientOptions;
import io.vertx.amqp.AmqpMessage;
import io.vertx.amqp.AmqpSender;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;

/**
 * The packaged application (the JVM jar in every build, the native executable under
 * {@code -Pnative}): a resident opened by resident-service's event over the broker, a band and
 * a button, readings, an SOS alert with its explanation, a PHQ-9 scored from the instrument
 * files, and the readings as FHIR — the parts that need reflection or resources in a native image.
 */
@QuarkusIntegrationTest
class PackagedCareIT extends ServicePlatformTest {

    private static Vertx vertx;
    private static AmqpClient client;

    @Override
    protected String apiPath() {
        return "/api/care";
    }

    @BeforeAll
    static void connect() {
        vertx = Vertx.vertx();
        client = AmqpClient.create(vertx, new AmqpClientOptions().setHost("127.0.0.1")
                .setPort(ArtemisTestResource.port()).setUsername("smarttown").setPassword("smarttown"));
    }

    @AfterAll
    static void disconnect() {
        client.close().toCompletionStage().toCompletableFuture().join();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void aResidentInCareIsWatchedScreenedAndExported() throws Exception {
        UUID residentId = UUID.randomUUID();
        publish("residents.events", ResidentEvents.registered(residentId, "패키지", true).toString());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Fixtures.CARER)
                .get("/api/care/profiles/" + residentId).then().statusCode(200));

        String band = device("SMART_BAND", residentId);
        String button = device("EMERGENCY_BUTTON", residentId);
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.ofHours(9)).withNano(0).minusMinutes(5);
        Fixtures.send(List.of(Fixtures.reading(band, "HEART_RATE", 72, at), Fixtures.reading(band, "HEART_RATE", 400, at),
                Fixtures.reading(button, "SOS", 1, at.plusMinutes(1)))).statusCode(202)
                .body("results.outcome", equalTo(List.of("ACCEPTED", "REJECTED", "ACCEPTED")));

        given().auth().oauth2(Fixtures.CARER).queryParam("residentId", residentId).get("/api/care/alerts").then()
                .statusCode(200).body("items.kind", hasItem("SOS")).body("items[0].explanation", notNullValue());

        given().auth().oauth2(Fixtures.CARER).contentType(ContentType.JSON)
                .body(Map.of("residentId", residentId, "instrument", "PHQ-9", "answers", List.of(2, 2, 2, 1, 1, 1, 1, 2, 0)))
                .post("/api/care/screenings").then().statusCode(201).body("total", equalTo(12))
                .body("band", equalTo("MODERATE"));

        given().auth().oauth2(Fixtures.CARER).queryParam("from", at.minusHours(1).toString())
                .queryParam("to", at.plusHours(1).toString())
                .get("/api/care/residents/" + residentId + "/fhir/observations").then().statusCode(200)
                .contentType("application/fhir+json").body("resourceType", equalTo("Bundle"))
                .body("entry[0].resource.code.coding[0].code", equalTo("8867-4"));
    }

    private static String device(String type, UUID residentId) {
        String serial = type.substring(0, 2) + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        given().auth().oauth2(Fixtures.SUPERVISOR).contentType(ContentType.JSON)
                .body(Map.of("serial", serial, "type", type, "firmware", "1.0.3", "heartbeatIntervalSeconds", 300))
                .post("/api/care/devices").then().statusCode(201);
        given().auth().oauth2(Fixtures.SUPERVISOR).contentType(ContentType.JSON).body(Map.of("residentId", residentId))
                .post("/api/care/devices/" + serial + "/assign").then().statusCode(200);
        return serial;
    }

    /** Publishes as resident-service's outbox does: a JSON body with its content type, durable. */
    private static void publish(String address, String json) throws Exception {
        AmqpSender sender = client.createSender(address).toCompletionStage().toCompletableFuture().get();
        try {
            sender.sendWithAck(AmqpMessage.create().withBufferAsBody(Buffer.buffer(json))
                    .contentType("application/json").durable(true).build()).toCompletionStage().toCompletableFuture().get();
        } finally {
            sender.close().toCompletionStage().toCompletableFuture().get();
        }
    }
}
