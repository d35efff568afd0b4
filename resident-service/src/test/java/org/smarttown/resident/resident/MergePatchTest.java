package org.smarttown.resident.resident;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.smarttown.resident.resident.Residents.WELFARE;
import static org.smarttown.resident.resident.Residents.full;
import static org.smarttown.resident.resident.Residents.patch;
import static org.smarttown.resident.resident.Residents.registeredId;
import static org.smarttown.resident.resident.Residents.uniqueComplex;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** PATCH is a JSON merge patch (RFC 7396): null clears an optional field, required ones cannot be cleared. */
@QuarkusTest
class MergePatchTest {

    @Test
    void nullClearsOptionalFieldsAndObjectsMergeMemberByMember() {
        String complex = uniqueComplex();
        String id = registeredId(full("비움순", complex, true));

        patch(WELFARE, id, """
                {"phone":null,"location":null,"assignedCareWorker":null,"haengbokeumId":null,"emergencyContacts":null,
                 "address":{"building":null,"unit":null},"conditions":null,"categories":["ELDERLY","BASIC_LIVELIHOOD"]}
                """).then().statusCode(200)
                .body("phone", nullValue()).body("location", nullValue()).body("assignedCareWorker", nullValue())
                .body("haengbokeumId", nullValue()).body("emergencyContacts", empty()).body("conditions", empty())
                .body("address.dong", equalTo("두암동")).body("address.complex", equalTo(complex))
                .body("address.building", nullValue()).body("address.unit", nullValue())
                .body("categories", containsInAnyOrder("ELDERLY", "BASIC_LIVELIHOOD"))
                .body("benefitTypes", containsInAnyOrder("LIVELIHOOD", "MEDICAL"))
                .body("name", equalTo("비움순")).body("version", equalTo(1));
        given().auth().oauth2(WELFARE).get("/api/residents/" + id).then().statusCode(200)
                .body("phone", nullValue()).body("location", nullValue()).body("address.building", nullValue());
        // The access log records what was cleared, with the old values.
        given().auth().oauth2(Residents.ADMIN).queryParam("residentId", id).get("/api/residents/access-log").then()
                .statusCode(200)
                .body("items.find { it.action == 'UPDATE' }.changes.phone.old", equalTo("010-1234-5678"))
                .body("items.find { it.action == 'UPDATE' }.changes.phone.new", nullValue());

        // A member of an object changes alone; the others stay.
        patch(WELFARE, id, "{\"address\":{\"unit\":\"707\"},\"location\":{\"lat\":35.2,\"lon\":126.9}}").then()
                .statusCode(200).body("address.unit", equalTo("707")).body("address.complex", equalTo(complex))
                .body("location.lat", equalTo(35.2f));
    }

    @Test
    void requiredFieldsCannotBeClearedAndTheAnswerNamesTheField() {
        String id = registeredId(full("필수순", uniqueComplex(), true));
        Map<String, String> refused = Map.of(
                "{\"name\":null}", "name",
                "{\"address\":null}", "address",
                "{\"address\":{\"dong\":null}}", "address.dong",
                "{\"address\":{\"complex\":null}}", "address.complex",
                "{\"location\":{\"lat\":null}}", "location.lat",
                "{\"consents\":null}", "consents",
                "{\"birthDate\":\"1950-01-01\"}", "birthDate",
                "{\"rrn\":null}", "rrn",
                "{\"categories\":\"ELDERLY\"}", "categories",
                "{\"phone\":null,\"name\":\"  \"}", "name");
        refused.forEach((body, field) -> patch(WELFARE, id, body).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo(field)));
        patch(WELFARE, id, "[1,2]").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(WELFARE).get("/api/residents/" + id).then().statusCode(200)
                .body("version", equalTo(0)).body("phone", equalTo("010-1234-5678")).body("name", equalTo("필수순"));
    }

    @Test
    void theMergePatchMediaTypeIsAccepted() {
        String id = registeredId(full("미디어순", uniqueComplex(), true));
        given().auth().oauth2(WELFARE).contentType("application/merge-patch+json").body("{\"phone\":null}")
                .patch("/api/residents/" + id).then().statusCode(200).body("phone", nullValue());
    }
}
