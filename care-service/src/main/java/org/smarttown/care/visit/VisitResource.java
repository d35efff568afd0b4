package org.smarttown.care.visit;

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
import org.jboss.resteasy.reactive.RestResponse;
import org.smarttown.care.common.Actor;
import org.smarttown.commons.paging.Page;
import org.smarttown.commons.paging.PageRequest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

@Path("/api/care/visits")
@Tag(name = "Visits", description = "Care workers' visits: planned by hand, from alerts and from screening follow-ups")
public class VisitResource {

    private final VisitService service;
    private final SecurityIdentity identity;

    public VisitResource(VisitService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @POST
    @RolesAllowed({ "care-worker", "care-supervisor" })
    @Operation(summary = "Plan a visit (assigned to the resident's care worker unless assignedTo is given)")
    public Uni<RestResponse<VisitView>> create(@Valid @NotNull VisitRequests.NewVisit request) {
        return service.create(request, Actor.of(identity)).map(visit -> RestResponse.ResponseBuilder
                .<VisitView> create(RestResponse.Status.CREATED)
                .header("Location", "/api/care/visits/" + visit.id()).entity(visit).build());
    }

    @GET
    @RolesAllowed({ "care-worker", "care-supervisor" })
    @Operation(summary = "Visits by due time, filtered by resident, status or assignee")
    public Uni<Page<VisitView>> list(@QueryParam("residentId") UUID residentId,
            @QueryParam("status") CareVisit.Status status, @QueryParam("assignedTo") String assignedTo,
            @Valid @BeanParam PageRequest page) {
        return service.list(residentId, status, assignedTo, false, page);
    }

    @GET
    @Path("overdue")
    @RolesAllowed("care-supervisor")
    @Operation(summary = "Planned visits past their due time, most overdue first (supervisors)")
    public Uni<Page<VisitView>> overdue(@QueryParam("assignedTo") String assignedTo, @Valid @BeanParam PageRequest page) {
        return service.list(null, null, assignedTo, true, page);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ "care-worker", "care-supervisor" })
    @Operation(summary = "One visit")
    public Uni<VisitView> get(UUID id) {
        return service.get(id);
    }

    @POST
    @Path("{id}/done")
    @RolesAllowed({ "care-worker", "care-supervisor" })
    @Operation(summary = "Record the visit as done, with its outcome and notes (the assigned worker or a supervisor)")
    public Uni<VisitView> done(UUID id, @Valid @NotNull VisitRequests.Done request) {
        return service.complete(id, request, Actor.of(identity));
    }

    @POST
    @Path("{id}/cancel")
    @RolesAllowed("care-supervisor")
    @Operation(summary = "Cancel a planned visit, with the reason (supervisors)")
    public Uni<VisitView> cancel(UUID id, @Valid @NotNull VisitRequests.Cancel request) {
        return service.cancel(id, request, Actor.of(identity));
    }
}
