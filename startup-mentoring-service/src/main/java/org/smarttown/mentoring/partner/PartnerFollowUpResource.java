package org.smarttown.mentoring.partner;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;
import org.smarttown.commons.idempotency.IdempotentRequests;
import org.smarttown.mentoring.common.Caller;
import org.smarttown.mentoring.common.Responses;
import org.smarttown.mentoring.followup.FollowUpDtos.ActionRequest;
import org.smarttown.mentoring.followup.FollowUpDtos.ActionView;
import org.smarttown.mentoring.followup.FollowUpDtos.FollowUpView;
import org.smarttown.mentoring.followup.FollowUpDtos.NoteRequest;
import org.smarttown.mentoring.followup.FollowUpDtos.NoteView;
import org.smarttown.mentoring.followup.FollowUpService;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/** The agency's notes and follow-up actions on its sessions; another agency's session is a 404. */
@Path("/partner/v1/sessions/{id}")
@Tag(name = "Partner: sessions")
@RolesAllowed("agency-partner")
public class PartnerFollowUpResource {

    private final FollowUpService followUps;
    private final IdempotentRequests idempotency;
    private final SecurityIdentity identity;

    public PartnerFollowUpResource(FollowUpService followUps, IdempotentRequests idempotency, SecurityIdentity identity) {
        this.followUps = followUps;
        this.idempotency = idempotency;
        this.identity = identity;
    }

    @GET
    @Path("follow-up")
    @RolesAllowed("agency-partner")
    @SecurityRequirement(name = PartnerApi.SCHEME, scopes = "sessions:read")
    @Operation(summary = "All notes (shared or not) and follow-up actions of a session (scope sessions:read)")
    public Uni<FollowUpView> get(@RestPath UUID id) {
        return followUps.forAgency(Caller.of(identity).requireScope("sessions:read"), id);
    }

    @POST
    @Path("notes")
    @RolesAllowed("agency-partner")
    @SecurityRequirement(name = PartnerApi.SCHEME, scopes = "sessions:write")
    @Operation(summary = "Add the mentor's note, shared with the founder or not (scope sessions:write)")
    public Uni<RestResponse<NoteView>> addNote(@RestPath UUID id, @Valid @NotNull NoteRequest request,
            @RestHeader(IdempotentRequests.HEADER) String key) {
        Caller agency = Caller.of(identity).requireScope("sessions:write");
        return idempotency.execute(key, "partner.session.note:" + id, agency.actor(), request, NoteView.class,
                () -> followUps.addNote(agency, id, request)
                        .map(note -> Responses.created("/partner/v1/sessions/" + id + "/follow-up", note)));
    }

    @POST
    @Path("follow-up-actions")
    @RolesAllowed("agency-partner")
    @SecurityRequirement(name = PartnerApi.SCHEME, scopes = "sessions:write")
    @Operation(summary = "Add a follow-up action for the founder (scope sessions:write)")
    public Uni<RestResponse<ActionView>> addAction(@RestPath UUID id, @Valid @NotNull ActionRequest request,
            @RestHeader(IdempotentRequests.HEADER) String key) {
        Caller agency = Caller.of(identity).requireScope("sessions:write");
        return idempotency.execute(key, "partner.session.action:" + id, agency.actor(), request, ActionView.class,
                () -> followUps.addAction(agency, id, request)
                        .map(action -> Responses.created("/partner/v1/sessions/" + id + "/follow-up", action)));
    }
}
