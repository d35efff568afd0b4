package org.smarttown.resident.resident;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smarttown.resident.resident.Residents.ADMIN;
import static org.smarttown.resident.resident.Residents.AGENCY;
import static org.smarttown.resident.resident.Residents.CARER;
import static org.smarttown.resident.resident.Residents.FOUNDER;
import static org.smarttown.resident.resident.Residents.SUPERVISOR;
import static org.smarttown.resident.resident.Residents.WELFARE;
import static org.smarttown.resident.resident.Residents.full;
import static org.smarttown.resident.resident.Residents.patch;
import static org.smarttown.resident.resident.Residents.registeredId;
import static org.smarttown.resident.resident.Residents.uniqueComplex;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
class AccessLogTest {

    @Inject
    Pool pool;

    @Test
    void supervisorsSeeWhoReadAndChangedARecordWithOldAndNewValues() {
        String id = registeredId(full("기록", uniqueComplex(), true));
        given().auth().oauth2(CARER).queryParam("purpose", "방문 준비").get("/api/residents/" + id).then().statusCode(200);
        patch(WELFARE, id, "{\"phone\":\"010-3333-4444\"}").then().statusCode(200);

        given().auth().oauth2(SUPERVISOR).queryParam("residentId", id).get("/api/residents/access-log").then()
                .statusCode(200)
                .body("items.action", contains("UPDATE", "READ", "CREATE"))
                .body("items.actor", contains("welfare1", "carer1", "welfare1"))
                .body("items[1].purpose", equalTo("방문 준비"))
                .body("items[0].changes.phone.old", equalTo("010-1234-5678"))
                .body("items[0].changes.phone.new", equalTo("010-3333-4444"))
                .body("items[0].changes.name", equalTo(null))
                .body("items[2].changes.name.new", equalTo("기록"));
        given().auth().oauth2(ADMIN).queryParam("residentId", id).queryParam("actor", "carer1")
                .get("/api/residents/access-log").then()
                .statusCode(200)
                .body("items.action", contains("READ"));
    }

    @Test
    void theLogIsFilteredByTimeAndRefusesAnEmptyRange() {
        OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1);
        String id = registeredId(full("시간", uniqueComplex(), true));

        given().auth().oauth2(SUPERVISOR).queryParam("residentId", id).queryParam("from", before.toString())
                .get("/api/residents/access-log").then().body("totalItems", equalTo(1));
        given().auth().oauth2(SUPERVISOR).queryParam("residentId", id).queryParam("to", before.toString())
                .get("/api/residents/access-log").then().body("totalItems", equalTo(0));
        given().auth().oauth2(SUPERVISOR).queryParam("from", before.toString()).queryParam("to", before.toString())
                .get("/api/residents/access-log").then().statusCode(400).body("errors.field", hasItem("to"));
        given().auth().oauth2(SUPERVISOR).queryParam("from", "yesterday").get("/api/residents/access-log").then()
                .statusCode(400).body("errors.field", hasItem("from"));
        given().auth().oauth2(SUPERVISOR).queryParam("residentId", "someone").get("/api/residents/access-log").then()
                .statusCode(400).body("errors.field", hasItem("residentId"));
    }

    @Test
    void searchesAndDeactivationsAreLoggedToo() {
        String complex = uniqueComplex();
        String id = registeredId(full("검색기록", complex, true));
        given().auth().oauth2(WELFARE).queryParam("complex", complex).get("/api/residents").then().statusCode(200);
        given().auth().oauth2(WELFARE).contentType("application/json")
                .body("{\"status\":\"DECEASED\",\"reason\":\"사망\"}").post("/api/residents/" + id + "/deactivate")
                .then().statusCode(200);

        given().auth().oauth2(SUPERVISOR).queryParam("residentId", id).get("/api/residents/access-log").then()
                .body("items[0].action", equalTo("DEACTIVATE"))
                .body("items[0].purpose", equalTo("사망"))
                .body("items[0].changes.status.new", equalTo("DECEASED"));
        given().auth().oauth2(SUPERVISOR).queryParam("actor", "welfare1").queryParam("size", 100)
                .get("/api/residents/access-log").then()
                .body("items.findAll { it.action == 'SEARCH' }.purpose", hasItem(org.hamcrest.Matchers.containsString(complex)));
    }

    @Test
    void onlySupervisorsAndAdminsMayReadTheLog() {
        for (String token : List.of(WELFARE, CARER, FOUNDER, AGENCY)) {
            given().auth().oauth2(token).get("/api/residents/access-log").then().statusCode(403);
        }
        given().get("/api/residents/access-log").then().statusCode(401);
        given().auth().oauth2(SUPERVISOR).get("/api/residents/access-log").then().statusCode(200)
                .body("items.actor", everyItem(org.hamcrest.Matchers.notNullValue()));
    }

    @Test
    void theDatabaseRefusesToRewriteOrDeleteTheLog() {
        String id = registeredId(full("불변", uniqueComplex(), true));
        UUID resident = UUID.fromString(id);

        Exception update = assertThrows(Exception.class, () -> pool
                .preparedQuery("update access_log set actor = 'nobody' where resident_id = $1")
                .execute(Tuple.of(resident)).await().indefinitely());
        assertTrue(update.getMessage().contains("append-only"), update.getMessage());
        Exception delete = assertThrows(Exception.class, () -> pool
                .preparedQuery("delete from access_log where resident_id = $1")
                .execute(Tuple.of(resident)).await().indefinitely());
        assertTrue(delete.getMessage().contains("append-only"), delete.getMessage());
        given().auth().oauth2(SUPERVISOR).queryParam("residentId", id).get("/api/residents/access-log").then()
                .body("items.actor", contains("welfare1"));
    }
}
