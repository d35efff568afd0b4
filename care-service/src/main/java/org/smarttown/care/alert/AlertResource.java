package org.smarttown.care.alert;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.smarttown.care.common.Actor;
import org.smarttown.commons.paging.Page;
import org.smarttown.commons.paging.PageRequest;
import org.smarttown.commons.problem.Invalid;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

@Path("/api/care/alerts")
@Tag(name = "Alerts", description = "Emergencies and warnings that care staff act on")
@RolesAllowed({ "care-worker", "care-supervisor" })
public class AlertResource {

    private final AlertService service;
    private final AlertFeed feed;
    private final SecurityIdentity identity;

    public AlertResource(AlertService service, AlertFeed feed, SecurityIdentity identity) {
        this.service = service;
        this.feed = feed;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({ "care-worker", "care-supervisor" })
    @Operation(summary = "List alerts, newest first, filtered by status, level, kind or resident")
    public Uni<Page<AlertView>> list(@QueryParam("status") AlertStatus status, @QueryParam("level") AlertLevel level,
            @QueryParam("kind") AlertKind kind, @QueryParam("residentId") UUID residentId,
            @Valid @BeanParam PageRequest page) {
        return service.list(status, level, kind, residentId, page);
    }

    @GET
    @Path("stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "care-worker", "care-supervisor" })
    @Operation(summary = "Every new and changed alert, live (server-sent events)")
    public Multi<AlertView> stream() {
        return feed.stream();
    }

    @GET
    @Path("stats")
    @RolesAllowed({ "care-worker", "care-supervisor" })
    @Operation(summary = "Time to acknowledge, time to close and false-alarm rate by level (default: last 30 days)")
    public Uni<AlertStats> stats(@QueryParam("from") OffsetDateTime from, @QueryParam("to") OffsetDateTime to) {
        OffsetDateTime end = to != null ? to : OffsetDateTime.now(ZoneOffset.UTC);
        OffsetDateTime start = from != null ? from : end.minusDays(30);
        if (!start.isBefore(end)) {
            throw new Invalid("from", "must be before to");
        }
        return service.stats(start, end);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ "care-worker", "care-supervisor" })
    @Operation(summary = "One alert with every step taken on it")
    public Uni<AlertView> get(UUID id) {
        return service.get(id);
    }

    @POST
    @Path("{id}/acknowledge")
    @RolesAllowed({ "care-worker", "care-supervisor" })
    @Operation(summary = "Take the alert: stops its escalation")
    public Uni<AlertView> acknowledge(UUID id, @Valid NoteRequest request) {
        return service.acknowledge(id, actor(), request == null ? null : request.note());
    }

    @POST
    @Path("{id}/dispatch")
    @RolesAllowed({ "care-worker", "care-supervisor" })
    @Operation(summary = "Record help sent: a visit or a 119 call")
    public Uni<AlertView> dispatch(UUID id, @Valid @NotNull DispatchRequest request) {
        return service.dispatch(id, actor(), request);
    }

    @POST
    @Path("{id}/resolve")
    @RolesAllowed({ "care-worker", "care-supervisor" })
    @Operation(summary = "Close the alert with a resolution code (some codes mean a false alarm)")
    public Uni<AlertView> resolve(UUID id, @Valid @NotNull ResolveRequest request) {
        return service.resolve(id, actor(), request);
    }

    private Actor actor() {
        return Actor.of(identity);
    }
}
