package org.smarttown.care.reading;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;

@Path("/api/care/readings")
@Tag(name = "Readings", description = "Batches of readings from device hubs")
public class ReadingResource {

    private final ReadingService service;

    public ReadingResource(ReadingService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed("device-hub")
    @Operation(summary = "Send up to 1,000 readings; 202 once stored, with what became of each")
    public Uni<RestResponse<ReadingResult.Batch>> receive(@Valid @NotNull ReadingBatch batch) {
        return service.receive(batch.readings()).map(RestResponse::accepted);
    }
}
