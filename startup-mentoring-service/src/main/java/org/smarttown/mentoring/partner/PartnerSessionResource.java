package org.smarttown.mentoring.partner;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.smarttown.commons.idempotency.IdempotentRequests;
import org.smarttown.commons.paging.Page;
import org.smarttown.commons.paging.PageRequest;
import org.smarttown.mentoring.booking.BookingDtos.ChangeRequest;
import org.smarttown.mentoring.booking.BookingDtos.NoShowRequest;
import org.smarttown.mentoring.booking.BookingDtos.RescheduleRequest;
import org.smarttown.mentoring.booking.BookingDtos.SessionView;
import org.smarttown.mentoring.booking.SessionService;
import org.smarttown.mentoring.booking.SessionStatus;
import org.smarttown.mentoring.common.Caller;
import org.smarttown.mentoring.common.Responses;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * The partner API for the agency's sessions. Every POST accepts an Idempotency-Key; an agency may
 * cancel or reschedule inside the founder's change notice. Another agency's session is a 404.
 */
@Path("/partner/v1/sessions")
@Tag(name = "Partner: sessions", description = "For agency-partner clients (OAuth2 client credentials)")
@RolesAllowed("agency-partner")
public class PartnerSessionResource {

    private final SessionService sessions;
    private final IdempotentRequests idempotency;
    private final SecurityIdentity identity;

    public PartnerSessionResource(SessionService sessions, IdempotentRequests idempotency, SecurityIdentity identity) {
        this.sessions = sessions;
        this.idempotency = idempotency;
        this.identity = identity;
    }

    @GET
    @RolesAllowed("agency-partner")
    @SecurityRequirement(name = PartnerApi.SCHEME, scopes = "sessions:read")
    @Operation(summary = "The agency's sessions by start, optionally of one status (scope sessions:read)")
    public Uni<Page<SessionView>> list(@RestQuery String status, @Valid @BeanParam PageRequest page) {
        return sessions.ofAgency(caller("sessions:read"), status(status), page);
    }

    @GET
    @Path("{id}")
    @RolesAllowed("agency-partner")
    @SecurityRequirement(name = PartnerApi.SCHEME, scopes = "sessions:read")
    @Operation(summary = "One session with attendees and history (scope sessions:read)")
    public Uni<SessionView> get(@RestPath UUID id) {
        return sessions.agencyView(caller("sessions:read"), id);
    }

    @POST
    @Path("{id}/confirm")
    @RolesAllowed("agency-partner")
    @SecurityRequirement(name = PartnerApi.SCHEME, scopes = "sessions:write")
    @Operation(summary = "Confirm a REQUESTED session (scope sessions:write)")
    public Uni<RestResponse<SessionView>> confirm(@RestPath UUID id, @Valid ChangeRequest request,
            @RestHeader(IdempotentRequests.HEADER) String key) {
        return change(id, SessionStatus.CONFIRMED, reason(request), key, "confirm", request);
    }

    @POST
    @Path("{id}/decline")
    @RolesAllowed("agency-partner")
    @SecurityRequirement(name = PartnerApi.SCHEME, scopes = "sessions:write")
    @Operation(summary = "Decline a REQUESTED session (scope sessions:write)")
    public Uni<RestResponse<SessionView>> decline(@RestPath UUID id, @Valid ChangeRequest request,
            @RestHeader(IdempotentRequests.HEADER) String key) {
        return change(id, SessionStatus.DECLINED, reason(request), key, "decline", request);
    }

    @POST
    @Path("{id}/cancel")
    @RolesAllowed("agency-partner")
    @SecurityRequirement(name = PartnerApi.SCHEME, scopes = "sessions:write")
    @Operation(summary = "Cancel a session, even inside the founder's change notice (scope sessions:write)")
    public Uni<RestResponse<SessionView>> cancel(@RestPath UUID id, @Valid ChangeRequest request,
            @RestHeader(IdempotentRequests.HEADER) String key) {
        return change(id, SessionStatus.CANCELLED, reason(request), key, "cancel", request);
    }

    @POST
    @Path("{id}/complete")
    @RolesAllowed("agency-partner")
    @SecurityRequirement(name = PartnerApi.SCHEME, scopes = "sessions:write")
    @Operation(summary = "Mark a CONFIRMED session completed (scope sessions:write)")
    public Uni<RestResponse<SessionView>> complete(@RestPath UUID id, @Valid ChangeRequest request,
            @RestHeader(IdempotentRequests.HEADER) String key) {
        return change(id, SessionStatus.COMPLETED, reason(request), key, "complete", request);
    }

    @POST
    @Path("{id}/no-show")
    @RolesAllowed("agency-partner")
    @SecurityRequirement(name = PartnerApi.SCHEME, scopes = "sessions:write")
    @Operation(summary = "Mark a no-show of the mentor (HOST) or the founder (GUEST) (scope sessions:write)")
    public Uni<RestResponse<SessionView>> noShow(@RestPath UUID id, @Valid @NotNull NoShowRequest request,
            @RestHeader(IdempotentRequests.HEADER) String key) {
        SessionStatus next = request.side() == NoShowRequest.Side.HOST ? SessionStatus.NO_SHOW_HOST
                : SessionStatus.NO_SHOW_GUEST;
        return change(id, next, request.reason(), key, "no-show", request);
    }

    @POST
    @Path("{id}/reschedule")
    @RolesAllowed("agency-partner")
    @SecurityRequirement(name = PartnerApi.SCHEME, scopes = "sessions:write")
    @Operation(summary = "Move a session (a group session whole, with its seats and waitlist) to another slot, even inside the founder's notice (scope sessions:write)")
    public Uni<RestResponse<SessionView>> reschedule(@RestPath UUID id, @Valid @NotNull RescheduleRequest request,
            @RestHeader(IdempotentRequests.HEADER) String key) {
        Caller agency = caller("sessions:write");
        return idempotency.execute(key, "partner.session.reschedule:" + id, agency.actor(), request, SessionView.class,
                () -> sessions.rescheduleByAgency(agency, id, request.start(), request.reason()).map(Responses::ok));
    }

    private Uni<RestResponse<SessionView>> change(UUID id, SessionStatus next, String reason, String key, String action,
            Object request) {
        Caller agency = caller("sessions:write");
        return idempotency.execute(key, "partner.session." + action + ":" + id, agency.actor(),
                request == null ? "" : request, SessionView.class,
                () -> sessions.changeByAgency(agency, id, next, reason).map(Responses::ok));
    }

    /** Parsed here: JAX-RS would answer an unknown enum value in a query with 404. */
    private static SessionStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return SessionStatus.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new org.smarttown.commons.problem.Invalid("status", "must be one of "
                    + java.util.Arrays.toString(SessionStatus.values()));
        }
    }

    private static String reason(ChangeRequest request) {
        return request == null ? null : request.reason();
    }

    private Caller caller(String scope) {
        return Caller.of(identity).requireScope(scope);
    }
}
