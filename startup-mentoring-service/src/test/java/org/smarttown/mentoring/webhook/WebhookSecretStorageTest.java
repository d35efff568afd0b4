package org.smarttown.mentoring.webhook;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smarttown.mentoring.Api.AGENCY_A;
import static org.smarttown.mentoring.Api.as;
import static org.smarttown.mentoring.Api.founder;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smarttown.mentoring.Api;
import org.smarttown.mentoring.config.WebhookSecretConfig;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Signing secrets are stored encrypted: the column read with SQL holds no secret, deliveries are
 * still signed with the secret the agency was given, and secrets stored in clear (or under a
 * retired key) are re-encrypted under the active key.
 */
@QuarkusTest
class WebhookSecretStorageTest {

    record Received(String timestamp, String signature, String body) {
    }

    private final LocalDate monday = Api.mondayAhead(6);
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<String> endpoints = new CopyOnWriteArrayList<>();
    private Vertx vertx;
    private HttpServer server;

    @Inject
    Pool pool;

    @Inject
    WebhookSecretRekeyer rekeyer;

    @BeforeEach
    void receiver() throws Exception {
        Api.agencies();
        vertx = Vertx.vertx();
        server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            received.add(new Received(request.getHeader("X-SmartTown-Timestamp"),
                    request.getHeader("X-SmartTown-Signature"), body.toString(StandardCharsets.UTF_8)));
            request.response().setStatusCode(200).end();
        })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void close() throws Exception {
        endpoints.forEach(id -> as(AGENCY_A).delete("/partner/v1/webhooks/" + id));
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private String register() {
        String id = as(AGENCY_A).body(Map.of("url", "http://127.0.0.1:" + server.actualPort() + "/hooks",
                "events", List.of("session.requested"))).post("/partner/v1/webhooks").then().statusCode(201)
                .extract().path("id");
        endpoints.add(id);
        return id;
    }

    private String secretFor(String endpointId) {
        return as(AGENCY_A).get("/partner/v1/webhooks?size=100").then().statusCode(200).extract()
                .path("items.find { it.id == '" + endpointId + "' }.secret");
    }

    private String storedSecret(String endpointId) {
        return pool.preparedQuery("select secret from webhook_endpoint where id = $1")
                .execute(Tuple.of(UUID.fromString(endpointId))).await().atMost(Duration.ofSeconds(10))
                .iterator().next().getString("secret");
    }

    private void storeSecret(String endpointId, String value) {
        pool.preparedQuery("update webhook_endpoint set secret = $2 where id = $1")
                .execute(Tuple.of(UUID.fromString(endpointId), value)).await().atMost(Duration.ofSeconds(10));
    }

    /** Books a session, so agency-a's endpoints receive session.requested, and waits for the delivery. */
    private Received bookAndReceive(String mentorName, String time) {
        String mentorId = Api.mentor(AGENCY_A, mentorName, List.of("secrets"), Api.everyDay("09:00", "12:00"));
        String typeId = Api.createSessionType(AGENCY_A, Api.sessionType("MENTORING", 60));
        int before = received.size();
        as(founder("secret-founder")).body(Api.booking(mentorId, typeId, Api.at(monday, time)))
                .post("/api/mentoring/sessions").then().statusCode(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> received.size() > before);
        return received.get(received.size() - 1);
    }

    @Test
    void theSecretIsStoredEncryptedAndDeliveriesStillVerifyWithIt() {
        var answer = as(AGENCY_A).body(Map.of("url", "http://127.0.0.1:" + server.actualPort() + "/hooks",
                "events", List.of("session.requested"))).post("/partner/v1/webhooks").then().statusCode(201).extract();
        String endpointId = answer.path("id");
        String secret = answer.path("secret");
        endpoints.add(endpointId);
        assertEquals(null, secretFor(endpointId), "listed endpoints never show the secret");

        String stored = storedSecret(endpointId);
        assertTrue(stored.startsWith("test2:"), "encrypted under the active key id: " + stored);
        assertFalse(stored.contains(secret.substring("whsec_".length())), stored);
        long rowsHoldingIt = pool.preparedQuery(
                "select count(*) as n from webhook_endpoint e where position($1 in e::text) > 0")
                .execute(Tuple.of(secret.substring("whsec_".length()))).await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong("n");
        assertEquals(0, rowsHoldingIt, "no column of any endpoint holds the secret");

        Received delivery = bookAndReceive("Secret mentor 1", "09:00");
        assertEquals(WebhookSigner.sign(secret, Long.parseLong(delivery.timestamp()), delivery.body()),
                delivery.signature());
    }

    @Test
    void secretsInClearOrUnderARetiredKeyAreReencryptedUnderTheActiveKeyAndStillSign() {
        String legacy = register();
        String clear = "whsec_stored-in-clear-before-encryption-" + UUID.randomUUID();
        storeSecret(legacy, clear);
        String retired = register();
        String retiredSecret = "whsec_under-the-retired-key-" + UUID.randomUUID();
        storeSecret(retired, retiredProtector().seal(retiredSecret, UUID.fromString(retired)));
        assertTrue(storedSecret(retired).startsWith("test1:"));

        assertTrue(rekeyer.rekey().await().atMost(Duration.ofSeconds(10)) >= 2);
        assertEquals(0, rekeyer.rekey().await().atMost(Duration.ofSeconds(10)), "a second pass finds nothing to do");

        for (String endpoint : List.of(legacy, retired)) {
            String stored = storedSecret(endpoint);
            assertTrue(stored.startsWith("test2:"), stored);
            assertFalse(stored.contains("whsec_"), stored);
        }
        received.clear();
        String mentorId = Api.mentor(AGENCY_A, "Secret mentor 2", List.of("secrets"), Api.everyDay("09:00", "12:00"));
        String typeId = Api.createSessionType(AGENCY_A, Api.sessionType("MENTORING", 60));
        as(founder("secret-founder")).body(Api.booking(mentorId, typeId, Api.at(monday, "10:00")))
                .post("/api/mentoring/sessions").then().statusCode(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> received.size() >= 2);
        // Both endpoints got the same event; one signature verifies with each endpoint's own secret.
        assertTrue(received.stream().anyMatch(r -> WebhookSigner.sign(clear, Long.parseLong(r.timestamp()), r.body())
                .equals(r.signature())), received.toString());
        assertTrue(received.stream().anyMatch(r -> WebhookSigner.sign(retiredSecret, Long.parseLong(r.timestamp()),
                r.body()).equals(r.signature())), received.toString());
    }

    /** A protector whose active key is the retired test1, as the service was before a rotation. */
    private static WebhookSecretProtector retiredProtector() {
        String key = ConfigProvider.getConfig().getValue("smarttown.webhook-secrets.keys.test1", String.class);
        return new WebhookSecretProtector(config(Map.of("SMARTTOWN_WEBHOOK_SECRETS_ACTIVE_KEY", "test1",
                "SMARTTOWN_WEBHOOK_SECRETS_KEYS_TEST1", key)));
    }

    private static WebhookSecretConfig config(Map<String, String> environment) {
        return new SmallRyeConfigBuilder().withSources(new EnvConfigSource(environment, 300) {
        }).withMapping(WebhookSecretConfig.class).build().getConfigMapping(WebhookSecretConfig.class);
    }

    @Test
    void kubernetesEnvironmentVariablesFillTheKeyRingAndABadRingStopsTheStart() {
        String key = "fkol9sK+pFPW/WNVTFLrYNWFUlBgmxhPQ7oild1DnTY=";
        WebhookSecretConfig config = config(Map.of("SMARTTOWN_WEBHOOK_SECRETS_ACTIVE_KEY", "primary",
                "SMARTTOWN_WEBHOOK_SECRETS_KEYS_PRIMARY", key));
        assertEquals(Map.of("primary", key), config.keys());
        WebhookSecretProtector protector = new WebhookSecretProtector(config);
        UUID endpoint = UUID.randomUUID();
        String sealed = protector.seal("whsec_abc", endpoint);
        assertTrue(sealed.startsWith("primary:"), sealed);
        assertEquals("whsec_abc", protector.open(sealed, endpoint));
        assertThrows(IllegalStateException.class, () -> protector.open(sealed, UUID.randomUUID()),
                "a value copied onto another endpoint does not decrypt");

        assertThrows(IllegalStateException.class, () -> new WebhookSecretProtector(config(Map.of(
                "SMARTTOWN_WEBHOOK_SECRETS_ACTIVE_KEY", "other", "SMARTTOWN_WEBHOOK_SECRETS_KEYS_PRIMARY", key))));
        assertThrows(IllegalStateException.class, () -> new WebhookSecretProtector(config(Map.of(
                "SMARTTOWN_WEBHOOK_SECRETS_ACTIVE_KEY", "primary", "SMARTTOWN_WEBHOOK_SECRETS_KEYS_PRIMARY", "c2hvcnQ="))));
    }
}
