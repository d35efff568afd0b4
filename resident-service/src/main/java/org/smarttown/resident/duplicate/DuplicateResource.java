package org.smarttown.resident.duplicate;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.smarttown.commons.paging.Page;
import org.smarttown.commons.paging.PageRequest;
import org.smarttown.resident.common.Caller;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

@Path("/api/residents/duplicates")
@Tag(name = "Duplicate review", description = "Residents who may be registered twice")
public class DuplicateResource {

    private final DuplicateService service;
    private final SecurityIdentity identity;

    public DuplicateResource(DuplicateService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    @RolesAllowed("welfare-staff")
    @Operation(summary = "The review queue, oldest first",
            description = "status=OPEN (default) or RESOLVED; residentId narrows to suspicions about one resident.")
    public Uni<Page<DuplicateView>> list(@QueryParam("status") String status, @QueryParam("residentId") String residentId,
            @Valid @BeanParam PageRequest page) {
        return service.list(status, org.smarttown.resident.common.Params.uuid("residentId", residentId), page);
    }

    @POST
    @Path("{id}/resolve")
    @RolesAllowed("welfare-staff")
    @Operation(summary = "Settle a suspicion: MERGE (keep one record, both histories stay) or NOT_DUPLICATE")
    public Uni<DuplicateView> resolve(UUID id, @Valid @NotNull ResolutionRequest request) {
        return service.resolve(id, request, Caller.of(identity));
    }
}
