package org.smarttown.care.fhir;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

@Path("/api/care/residents/{residentId}/fhir")
@Tag(name = "FHIR", description = "Readings and screenings as FHIR R4 resources")
public class FhirResource {

    static final String FHIR_JSON = "application/fhir+json";

    private final FhirObservationService service;
    private final FhirScreeningService screenings;

    public FhirResource(FhirObservationService service, FhirScreeningService screenings) {
        this.service = service;
        this.screenings = screenings;
    }

    @GET
    @Path("screenings")
    @Produces(FHIR_JSON)
    @RolesAllowed({ "care-worker", "care-supervisor" })
    @Operation(summary = "Every screening as a QuestionnaireResponse, each scored one with its total-score Observation")
    public Uni<String> screenings(UUID residentId) {
        return screenings.screenings(residentId);
    }

    @GET
    @Path("observations")
    @Produces(FHIR_JSON)
    @RolesAllowed({ "care-worker", "care-supervisor" })
    @Operation(summary = "Heart rate, SpO2, steps and skin temperature as a FHIR R4 Bundle (default: last 24 hours)")
    public Uni<String> observations(UUID residentId, @QueryParam("from") OffsetDateTime from,
            @QueryParam("to") OffsetDateTime to) {
        OffsetDateTime end = to != null ? to : OffsetDateTime.now(ZoneOffset.UTC);
        return service.observations(residentId, from != null ? from : end.minusHours(24), end);
    }
}
