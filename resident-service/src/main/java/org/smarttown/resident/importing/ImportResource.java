package org.smarttown.resident.importing;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.smarttown.resident.common.Caller;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

@Path("/api/residents/imports")
@Tag(name = "Imports", description = "Bulk registration from CSV")
public class ImportResource {

    /** A job's progress and, row by row, what was wrong. */
    public record ImportView(UUID id, String status, int total, int done, int imported, int skipped, int failed,
            List<ImportService.Problem> report, OffsetDateTime createdAt, String createdBy, OffsetDateTime finishedAt) {
    }

    private final ImportService service;
    private final SecurityIdentity identity;

    public ImportResource(ImportService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @POST
    @Consumes("text/csv")
    @RolesAllowed("welfare-staff")
    @Operation(summary = "Import residents from a CSV file (UTF-8, English or Korean headers)",
            description = "202 with the job; a file with broken quoting or unknown columns is a 400 that imports nothing.")
    public Uni<RestResponse<ImportView>> start(String csv) {
        return service.start(csv, Caller.of(identity))
                .map(job -> RestResponse.ResponseBuilder.<ImportView> create(RestResponse.Status.ACCEPTED)
                        .header("Location", "/api/residents/imports/" + job.id).entity(view(job)).build());
    }

    @GET
    @Path("{id}")
    @RolesAllowed("welfare-staff")
    @Operation(summary = "An import's progress (rows done of total) and its row-by-row report")
    public Uni<ImportView> get(UUID id) {
        return service.get(id).map(this::view);
    }

    private ImportView view(ResidentImport job) {
        return new ImportView(job.id, job.status, job.total, job.done, job.imported, job.skipped, job.failed,
                service.report(job), job.createdAt, job.createdBy, job.finishedAt);
    }
}
