package org.smarttown.care.fhir;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.smarttown.care.Fixtures.CARER;
import static org.smarttown.care.Fixtures.reading;
import static org.smarttown.care.Fixtures.send;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.Test;
import org.smarttown.care.Fixtures;

import ca.uhn.fhir.context.FhirContext;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class FhirObservationsTest {

    @Inject
    Fixtures fixtures;

    @Test
    void readingsComeBackAsFhirObservationsWithLoincAndUcum() {
        UUID residentId = fixtures.resident("FHIR");
        String band = fixtures.device("SMART_BAND", residentId);
        OffsetDateTime at = OffsetDateTime.parse("2026-11-21T09:00:00+09:00");
        send(List.of(reading(band, "HEART_RATE", 72, at), reading(band, "SPO2", 97, at.plusMinutes(1)),
                reading(band, "STEPS", 1200, at.plusMinutes(2)), reading(band, "BATTERY", 80, at.plusMinutes(3))))
                .statusCode(202);

        String body = given().auth().oauth2(CARER).queryParam("from", "2026-11-21T00:00:00+09:00")
                .queryParam("to", "2026-11-22T00:00:00+09:00")
                .get("/api/care/residents/" + residentId + "/fhir/observations").then()
                .statusCode(200).contentType("application/fhir+json").extract().asString();

        Bundle bundle = FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, body);
        assertEquals(Bundle.BundleType.SEARCHSET, bundle.getType());
        assertEquals(3, bundle.getTotal());
        Observation heart = (Observation) bundle.getEntry().get(0).getResource();
        assertEquals("http://loinc.org", heart.getCode().getCodingFirstRep().getSystem());
        assertEquals("8867-4", heart.getCode().getCodingFirstRep().getCode());
        assertEquals(72, heart.getValueQuantity().getValue().intValue());
        assertEquals("http://unitsofmeasure.org", heart.getValueQuantity().getSystem());
        assertEquals("/min", heart.getValueQuantity().getCode());
        assertEquals("Patient/" + residentId, heart.getSubject().getReference());
        assertEquals(at.toInstant(), heart.getEffectiveDateTimeType().getValue().toInstant());
        Observation spo2 = (Observation) bundle.getEntry().get(1).getResource();
        assertEquals("2708-6", spo2.getCode().getCodingFirstRep().getCode());
        assertEquals("%", spo2.getValueQuantity().getCode());
        Observation steps = (Observation) bundle.getEntry().get(2).getResource();
        assertEquals("41950-7", steps.getCode().getCodingFirstRep().getCode());
    }

    @Test
    void fhirIsForCareStaffOnlyAndForResidentsInCare() {
        UUID residentId = fixtures.resident("FHIR권한");
        String path = "/api/care/residents/" + residentId + "/fhir/observations";
        for (String token : List.of(Fixtures.HUB, Fixtures.FOUNDER, Fixtures.AGENCY)) {
            given().auth().oauth2(token).get(path).then().statusCode(403);
        }
        given().get(path).then().statusCode(401);
        given().auth().oauth2(CARER).get("/api/care/residents/" + UUID.randomUUID() + "/fhir/observations").then()
                .statusCode(404);
        given().auth().oauth2(CARER).queryParam("from", "2026-11-22T00:00:00Z").queryParam("to", "2026-11-21T00:00:00Z")
                .get(path).then().statusCode(400).contentType("application/problem+json");
    }
}
