package org.smarttown.resident.resident;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.smarttown.commons.paging.Page;
import org.smarttown.commons.paging.PageRequest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

@Path("/api/residents")
@Tag(name = "Residents", description = "The registry of residents in care")
public class ResidentResource {

    private final ResidentService service;
    private final SecurityIdentity identity;

    public ResidentResource(ResidentService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @POST
    @RolesAllowed("welfare-staff")
    @Operation(summary = "Register a resident", description = "Publishes ResidentRegistered to residents.events.")
    public Uni<RestResponse<ResidentView>> register(@Valid @NotNull ResidentRequest request) {
        return service.register(request, identity.getPrincipal().getName())
                .map(resident -> RestResponse.ResponseBuilder.<ResidentView> create(RestResponse.Status.CREATED)
                        .header("Location", "/api/residents/" + resident.id)
                        .entity(ResidentView.of(resident))
                        .build());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ "welfare-staff", "care-worker", "care-supervisor" })
    @Operation(summary = "Read one resident")
    public Uni<ResidentView> get(UUID id) {
        return service.get(id).map(ResidentView::of);
    }

    @GET
    @RolesAllowed("welfare-staff")
    @Operation(summary = "List residents, by name, a page at a time")
    public Uni<Page<ResidentView>> list(@Valid @BeanParam PageRequest page) {
        return service.list(page);
    }
}
