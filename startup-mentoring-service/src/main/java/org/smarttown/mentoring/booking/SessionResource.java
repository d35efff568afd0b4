package org.smarttown.mentoring.booking;

import java.util.List;
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
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.smarttown.commons.idempotency.IdempotentRequests;
import org.smarttown.commons.paging.Page;
import org.smarttown.commons.paging.PageRequest;
import org.smarttown.commons.problem.Invalid;
import org.smarttown.mentoring.booking.BookingDtos.BookingRequest;
import org.smarttown.mentoring.booking.BookingDtos.ChangeRequest;
import org.smarttown.mentoring.booking.BookingDtos.RatingRequest;
import org.smarttown.mentoring.booking.BookingDtos.RescheduleRequest;
import org.smarttown.mentoring.booking.BookingDtos.SessionView;
import org.smarttown.mentoring.booking.BookingDtos.SlotView;
import org.smarttown.mentoring.common.Caller;
import org.smarttown.mentoring.common.Problems;
import org.smarttown.mentoring.common.QueryParams;
import org.smarttown.mentoring.common.Responses;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

@Path("/api/mentoring")
@Tag(name = "Sessions", description = "Slots and the sessions founders book")
public class SessionResource {

    private final SessionService sessions;
    private final IdempotentRequests idempotency;
    private final SecurityIdentity identity;

    public SessionResource(SessionService sessions, IdempotentRequests idempotency, SecurityIdentity identity) {
        this.sessions = sessions;
        this.idempotency = idempotency;
        this.identity = identity;
    }

    @GET
    @Path("mentors/{id}/slots")
    @RolesAllowed({ "founder", "admin" })
    @Operation(summary = "Free start times of a mentor for a session type",
            description = "Dates are Seoul dates, both inclusive, at most 31 days apart; times carry +09:00. A founder "
                    + "is not offered starts beyond their own limits for the type; to list where to move one of their "
                    + "sessions, they name it in rescheduling, and their place in it is not counted.")
    public Uni<List<SlotView>> slots(@RestPath UUID id, @RestQuery String sessionType, @RestQuery String from,
            @RestQuery String to, @RestQuery String rescheduling) {
        // Parsed here rather than by JAX-RS, which answers an unconvertible query parameter with 404.
        return sessions.slots(Caller.of(identity), id, QueryParams.uuid("sessionType", sessionType),
                QueryParams.date("from", from), QueryParams.date("to", to),
                rescheduling == null || rescheduling.isBlank() ? null : QueryParams.uuid("rescheduling", rescheduling));
    }

    @POST
    @Path("sessions")
    @RolesAllowed("founder")
    @Operation(summary = "Book a session",
            description = "201 with status REQUESTED (the agency confirms) or CONFIRMED. In a group session, "
                    + "myPlace is SEATED or WAITLISTED. Send an Idempotency-Key to retry safely.")
    public Uni<RestResponse<SessionView>> book(@Valid @NotNull BookingRequest request,
            @RestHeader(IdempotentRequests.HEADER) String key) {
        Caller founder = Caller.of(identity);
        return idempotency.execute(key, "session.book", founder.name(), request, SessionView.class,
                () -> sessions.book(founder, request)
                        .map(view -> Responses.created("/api/mentoring/sessions/" + view.id(), view)))
                .onFailure().transform(Problems::translate);
    }

    @GET
    @Path("sessions/mine")
    @RolesAllowed("founder")
    @Operation(summary = "My sessions: with from, those starting on that day (Asia/Seoul) or later, soonest first;"
            + " without it, all of them, latest start first")
    public Uni<Page<SessionView>> mine(@RestQuery String from, @Valid @BeanParam PageRequest page) {
        return sessions.mine(Caller.of(identity), from == null || from.isBlank() ? null : QueryParams.date("from", from), page);
    }

    @GET
    @Path("sessions/{id}")
    @RolesAllowed("founder")
    @Operation(summary = "One of my sessions, with its history")
    public Uni<SessionView> get(@RestPath UUID id) {
        return sessions.founderView(Caller.of(identity), id);
    }

    @POST
    @Path("sessions/{id}/cancel")
    @RolesAllowed("founder")
    @Operation(summary = "Cancel my place", description = "Refused (409 change-notice-passed) inside the session type's change notice.")
    public Uni<SessionView> cancel(@RestPath UUID id, @Valid ChangeRequest request) {
        return sessions.cancelByFounder(Caller.of(identity), id, request == null ? null : request.reason());
    }

    @POST
    @Path("sessions/{id}/reschedule")
    @RolesAllowed("founder")
    @Operation(summary = "Move my session to another slot; in a group session, my seat moves to the group at the new start")
    public Uni<SessionView> reschedule(@RestPath UUID id, @Valid @NotNull RescheduleRequest request) {
        return sessions.rescheduleByFounder(Caller.of(identity), id, request.start(), request.reason());
    }

    @POST
    @Path("sessions/{id}/rating")
    @RolesAllowed("founder")
    @Operation(summary = "Rate a completed session, 1 to 5")
    public Uni<SessionView> rate(@RestPath UUID id, @Valid @NotNull RatingRequest request) {
        return sessions.rate(Caller.of(identity), id, request.score(), request.comment());
    }
}
