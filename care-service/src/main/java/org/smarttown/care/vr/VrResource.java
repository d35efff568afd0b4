package org.smarttown.care.vr;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
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

@Path("/api/care/vr")
@Tag(name = "VR room", description = "Programmes, sessions, enrolments and attendance of the VR exercise room")
public class VrResource {

    private final VrService service;
    private final SecurityIdentity identity;

    public VrResource(VrService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    @Path("programmes")
    @RolesAllowed({ "care-worker", "care-supervisor" })
    @Operation(summary = "The programme catalogue, by code, optionally of one kind")
    public Uni<Page<VrViews.Programme>> programmes(@QueryParam("kind") VrProgramme.Kind kind,
            @Valid @BeanParam PageRequest page) {
        return service.programmes(kind, page);
    }

    @POST
    @Path("programmes")
    @RolesAllowed("care-supervisor")
    @Operation(summary = "Add a programme to the catalogue (supervisors)")
    public Uni<RestResponse<VrViews.Programme>> addProgramme(@Valid @NotNull VrRequests.NewProgramme request) {
        return service.addProgramme(request).map(p -> RestResponse.ResponseBuilder
                .<VrViews.Programme> create(RestResponse.Status.CREATED).entity(p).build());
    }

    @POST
    @Path("sessions")
    @RolesAllowed({ "care-worker", "care-supervisor" })
    @Operation(summary = "Schedule a session: programme, time, headsets (capacity), staff")
    public Uni<RestResponse<VrViews.Session>> createSession(@Valid @NotNull VrRequests.NewSession request) {
        return service.createSession(request, Actor.of(identity)).map(s -> RestResponse.ResponseBuilder
                .<VrViews.Session> create(RestResponse.Status.CREATED)
                .header("Location", "/api/care/vr/sessions/" + s.id()).entity(s).build());
    }

    @GET
    @Path("sessions")
    @RolesAllowed({ "care-worker", "care-supervisor" })
    @Operation(summary = "Sessions by start time that end after 'from' (default now) and start before 'to'")
    public Uni<Page<VrViews.Session>> sessions(@QueryParam("from") OffsetDateTime from, @QueryParam("to") OffsetDateTime to,
            @QueryParam("programmeId") UUID programmeId, @Valid @BeanParam PageRequest page) {
        return service.sessions(from != null ? from : OffsetDateTime.now(ZoneOffset.UTC), to, programmeId, page);
    }

    @GET
    @Path("sessions/{id}")
    @RolesAllowed({ "care-worker", "care-supervisor" })
    @Operation(summary = "One session with its participants, their attendance, scores and heart rate during it")
    public Uni<VrViews.Session> session(UUID id) {
        return service.session(id);
    }

    @POST
    @Path("sessions/{id}/enrolments")
    @RolesAllowed({ "care-worker", "care-supervisor" })
    @Operation(summary = "Enrol a resident: 409 session-full, overlapping-session, contraindicated (a supervisor may override with a reason)")
    public Uni<RestResponse<VrViews.Session>> enrol(UUID id, @Valid @NotNull VrRequests.NewEnrolment request) {
        return service.enrol(id, request, Actor.of(identity)).map(s -> RestResponse.ResponseBuilder
                .<VrViews.Session> create(RestResponse.Status.CREATED).entity(s).build());
    }

    @DELETE
    @Path("sessions/{id}/enrolments/{residentId}")
    @RolesAllowed({ "care-worker", "care-supervisor" })
    @Operation(summary = "Withdraw a resident before the session starts (frees the headset)")
    public Uni<Void> withdraw(UUID id, UUID residentId) {
        return service.withdraw(id, residentId);
    }

    @POST
    @Path("sessions/{id}/enrolments/{residentId}/attendance")
    @RolesAllowed({ "care-worker", "care-supervisor" })
    @Operation(summary = "Record ATTENDED (minutes, completion, the programme's score) or NO_SHOW, once the session started")
    public Uni<VrViews.Session> attendance(UUID id, UUID residentId, @Valid @NotNull VrRequests.AttendanceRecord request) {
        return service.attendance(id, residentId, request, Actor.of(identity));
    }
}
