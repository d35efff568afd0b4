package org.smarttown.coworking.waitlist;

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
import org.smarttown.coworking.booking.BookingRequest;
import org.smarttown.coworking.common.Caller;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

@Path("/api/coworking/waitlist")
@Tag(name = "Waitlist", description = "Waiting for a taken space and slot")
public class WaitlistResource {

    private final WaitlistService service;
    private final SecurityIdentity identity;

    public WaitlistResource(WaitlistService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @POST
    @RolesAllowed("founder")
    @Operation(summary = "Wait for a taken slot", description = "409 slot-available when it is free (book it instead). "
            + "When the slot is freed, the first founder in line whose policy allows it gets the booking (WaitlistPromoted).")
    public Uni<RestResponse<WaitlistView>> join(@Valid @NotNull BookingRequest request) {
        return service.join(request, Caller.of(identity))
                .map(entry -> RestResponse.ResponseBuilder.<WaitlistView> create(RestResponse.Status.CREATED)
                        .header("Location", "/api/coworking/waitlist/" + entry.id()).entity(entry).build());
    }

    @GET
    @Path("mine")
    @RolesAllowed("founder")
    @Operation(summary = "My places in line, newest first")
    public Uni<Page<WaitlistView>> mine(@Valid @BeanParam PageRequest page) {
        return service.mine(Caller.of(identity), page);
    }

    @POST
    @Path("{id}/leave")
    @RolesAllowed("founder")
    @Operation(summary = "Leave the line")
    public Uni<WaitlistView> leave(UUID id) {
        return service.leave(id, Caller.of(identity));
    }
}
