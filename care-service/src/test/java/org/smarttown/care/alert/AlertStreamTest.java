package org.smarttown.care.alert;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.smarttown.care.Fixtures.CARER;
import static org.smarttown.care.Fixtures.reading;
import static org.smarttown.care.Fixtures.send;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.smarttown.care.Fixtures;
import org.smarttown.care.LiveFeed;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

@QuarkusTest
class AlertStreamTest {

    @Inject
    Fixtures fixtures;

    @TestHTTPResource("/api/care/alerts/stream")
    URI stream;

    @Test
    void anSosReachesTheLiveFeedWithinASecond() throws Exception {
        UUID residentId = fixtures.resident("실시간");
        String button = fixtures.device("EMERGENCY_BUTTON", residentId);
        try (LiveFeed feed = new LiveFeed(stream, CARER)) {
            send(List.of(reading(button, "SOS", 1))).statusCode(202);

            await().atMost(Duration.ofSeconds(1)).until(() -> !feed.about(residentId.toString()).isEmpty());
            JsonObject alert = feed.about(residentId.toString()).get(0);
            assertEquals("SOS", alert.getString("kind"));
            assertEquals("CRITICAL", alert.getString("level"));
            assertEquals("RAISED", alert.getString("status"));
        }
    }

    @Test
    void aChangeMadeOnAnotherReplicaReachesThisReplicasFeed() throws Exception {
        UUID residentId = fixtures.resident("다른복제본");
        String button = fixtures.device("EMERGENCY_BUTTON", residentId);
        send(List.of(reading(button, "SOS", 1))).statusCode(202);
        String alertId = io.restassured.RestAssured.given().auth().oauth2(CARER).queryParam("residentId", residentId)
                .get("/api/care/alerts").then().statusCode(200).extract().path("items[0].id");
        try (LiveFeed feed = new LiveFeed(stream, CARER)) {
            // Another replica takes the alert: its own transaction, then its announcement, the id
            // alone (as for an alert too large to announce whole), so this replica must read it back.
            var config = ConfigProvider.getConfig();
            try (Connection db = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                    config.getValue("quarkus.datasource.username", String.class),
                    config.getValue("quarkus.datasource.password", String.class))) {
                db.setAutoCommit(false);
                try (PreparedStatement take = db.prepareStatement("update alert set status = 'ACKNOWLEDGED', "
                        + "acknowledged_by = 'carer-on-replica-b', acknowledged_at = now(), updated_at = now() "
                        + "where id = ?::uuid");
                        PreparedStatement announce = db.prepareStatement("select pg_notify('care_alert_changed', ?)")) {
                    take.setString(1, alertId);
                    assertEquals(1, take.executeUpdate());
                    announce.setString(1, alertId);
                    announce.executeQuery().close();
                }
                db.commit();
            }
            await().atMost(Duration.ofSeconds(2)).until(() -> feed.about(residentId.toString()).stream()
                    .anyMatch(alert -> "ACKNOWLEDGED".equals(alert.getString("status"))));
            JsonObject taken = feed.about(residentId.toString()).stream()
                    .filter(alert -> "ACKNOWLEDGED".equals(alert.getString("status"))).findFirst().orElseThrow();
            assertEquals(alertId, taken.getString("id"));
            assertEquals("carer-on-replica-b", taken.getString("acknowledgedBy"));
        }
    }
}
