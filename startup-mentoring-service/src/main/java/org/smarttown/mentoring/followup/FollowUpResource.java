package org.smarttown.mentoring.followup;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.smarttown.mentoring.common.Caller;
import org.smarttown.mentoring.followup.FollowUpDtos.ActionView;
import org.smarttown.mentoring.followup.FollowUpDtos.FollowUpView;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/** A founder's side of a session's follow-up: shared notes and the agreed actions. */
@Path("/api/mentoring/sessions/{id}/follow-up")
@Tag(name = "Sessions")
public class FollowUpResource {

    public record DoneRequest(@NotNull Boolean done) {
    }

    private final FollowUpService followUps;
    private final SecurityIdentity identity;

    public FollowUpResource(FollowUpService followUps, SecurityIdentity identity) {
        this.followUps = followUps;
        this.identity = identity;
    }

    @GET
    @RolesAllowed("founder")
    @Operation(summary = "The mentor's notes shared with me, and my follow-up actions")
    public Uni<FollowUpView> get(@RestPath UUID id) {
        return followUps.forFounder(Caller.of(identity), id);
    }

    @POST
    @Path("actions/{actionId}")
    @RolesAllowed("founder")
    @Operation(summary = "Tick a follow-up action off (or on again)")
    public Uni<ActionView> mark(@RestPath UUID id, @RestPath UUID actionId, @Valid @NotNull DoneRequest request) {
        return followUps.markDone(Caller.of(identity), id, actionId, request.done());
    }
}
