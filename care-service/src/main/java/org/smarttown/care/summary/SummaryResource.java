package org.smarttown.care.summary;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

@Path("/api/care/residents/{residentId}/summary")
@Tag(name = "Summary", description = "One view of a resident for the console")
public class SummaryResource {

    private final SummaryService service;

    public SummaryResource(SummaryService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({ "care-worker", "care-supervisor" })
    @Operation(summary = "Open alerts, last vitals, screening trend, VR attendance and the next visit, in one answer")
    public Uni<ResidentSummary> summary(UUID residentId) {
        return service.summary(residentId);
    }
}
