package org.smarttown.coworking.space;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.smarttown.commons.paging.Page;
import org.smarttown.commons.paging.PageRequest;
import org.smarttown.coworking.common.Caller;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

@Path("/api/coworking")
@Tag(name = "Spaces", description = "Desks, meeting rooms and booths, their floor plans and booking policies")
public class SpaceResource {

    private final SpaceService service;
    private final SecurityIdentity identity;

    public SpaceResource(SpaceService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    public record ClosureView(UUID spaceId, LocalDate day, String reason) {
        static ClosureView of(SpaceClosure c) {
            return new ClosureView(c.spaceId, c.day, c.reason);
        }
    }

    @POST
    @Path("spaces")
    @RolesAllowed({ "space-manager", "admin" })
    @Operation(summary = "Add a space")
    public Uni<RestResponse<SpaceView>> create(@Valid @NotNull SpaceRequest request) {
        return service.create(request).map(space -> RestResponse.ResponseBuilder.<SpaceView> create(RestResponse.Status.CREATED)
                .header("Location", "/api/coworking/spaces/" + space.id).entity(SpaceView.of(space)).build());
    }

    @GET
    @Path("spaces")
    @RolesAllowed({ "founder", "space-manager", "admin" })
    @Operation(summary = "List spaces by code, filtered by type and floor")
    public Uni<Page<SpaceView>> list(@RestQuery SpaceType type, @RestQuery Integer floor, @Valid @BeanParam PageRequest page) {
        return service.list(type, floor, page);
    }

    @GET
    @Path("spaces/{id}")
    @RolesAllowed({ "founder", "space-manager", "admin" })
    @Operation(summary = "Read one space")
    public Uni<SpaceView> get(UUID id) {
        return service.get(id).map(SpaceView::of);
    }

    @POST
    @Path("spaces/{id}/closures")
    @RolesAllowed({ "space-manager", "admin" })
    @Operation(summary = "Close a space for a day (existing bookings stay; new ones are refused)")
    public Uni<ClosureView> close(UUID id, @Valid @NotNull ClosureRequest request) {
        return service.close(id, request).map(ClosureView::of);
    }

    @GET
    @Path("spaces/{id}/closures")
    @RolesAllowed({ "founder", "space-manager", "admin" })
    @Operation(summary = "A space's closed days from today on")
    public Uni<List<ClosureView>> closures(UUID id) {
        return service.closures(id, LocalDate.now().minusDays(1)).map(list -> list.stream().map(ClosureView::of).toList());
    }

    @GET
    @Path("floors/{floor}/plan.svg")
    @Produces("image/svg+xml")
    @RolesAllowed({ "founder", "space-manager", "admin" })
    @Operation(summary = "The floor plan as SVG, one group per space (id space-CODE)")
    public Uni<String> floorPlan(int floor) {
        return service.floorPlan(floor);
    }

    @GET
    @Path("policies")
    @RolesAllowed({ "founder", "space-manager", "admin" })
    @Operation(summary = "The booking policy of each space type")
    public Uni<List<PolicyView>> policies() {
        return service.policies();
    }

    @PUT
    @Path("policies/{type}")
    @RolesAllowed({ "space-manager", "admin" })
    @Operation(summary = "Change a space type's booking policy (applies to new bookings)")
    public Uni<PolicyView> updatePolicy(SpaceType type, @Valid @NotNull PolicyView policy) {
        return service.updatePolicy(type, policy, Caller.of(identity));
    }
}
