package org.smarttown.resident.household;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.smarttown.commons.paging.Page;
import org.smarttown.commons.paging.PageRequest;
import org.smarttown.resident.common.Caller;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

@Path("/api/residents/households")
@Tag(name = "Households", description = "Households and effective-dated membership")
public class HouseholdResource {

    private final HouseholdService service;
    private final SecurityIdentity identity;

    public HouseholdResource(HouseholdService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @POST
    @RolesAllowed("welfare-staff")
    @Operation(summary = "Create a household, optionally with its first members")
    public Uni<RestResponse<HouseholdView>> create(@Valid @NotNull HouseholdRequests.Create request) {
        return service.create(request, Caller.of(identity))
                .map(h -> RestResponse.ResponseBuilder.<HouseholdView> create(RestResponse.Status.CREATED)
                        .header("Location", "/api/residents/households/" + h.id()).entity(h).build());
    }

    @GET
    @RolesAllowed({ "welfare-staff", "care-supervisor", "admin" })
    @Operation(summary = "Households, paged, by name; filter by the dong and/or complex where a current member lives",
            description = "Each with all its memberships, as GET /{id} shows them. Logged as a search.")
    public Uni<Page<HouseholdView>> list(@RestQuery @Size(max = 50) String dong, @RestQuery @Size(max = 100) String complex,
            @Valid @BeanParam PageRequest page) {
        return service.list(dong, complex, page, Caller.of(identity));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ "welfare-staff", "care-supervisor", "admin" })
    @Operation(summary = "A household with all its memberships, past and current")
    public Uni<HouseholdView> get(UUID id) {
        return service.get(id, Caller.of(identity));
    }

    @POST
    @Path("{id}/members")
    @RolesAllowed("welfare-staff")
    @Operation(summary = "Add a resident to the household from a date (roles: head, primary recipient)")
    public Uni<HouseholdView> join(UUID id, @Valid @NotNull HouseholdRequests.Join request) {
        return service.join(id, request, Caller.of(identity));
    }

    @POST
    @Path("{id}/members/{residentId}/leave")
    @RolesAllowed("welfare-staff")
    @Operation(summary = "End a resident's current membership on a date (exclusive; today if absent)")
    public Uni<HouseholdView> leave(UUID id, UUID residentId, @Valid HouseholdRequests.Leave request) {
        return service.leave(id, residentId, request, Caller.of(identity));
    }
}
