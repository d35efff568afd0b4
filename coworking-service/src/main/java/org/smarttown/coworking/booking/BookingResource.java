package org.smarttown.coworking.booking;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.smarttown.commons.idempotency.IdempotentRequests;
import org.smarttown.commons.paging.Page;
import org.smarttown.commons.paging.PageRequest;
import org.smarttown.coworking.calendar.CalendarResource;
import org.smarttown.coworking.calendar.CalendarService;
import org.smarttown.coworking.common.Caller;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

@Path("/api/coworking/bookings")
@Tag(name = "Bookings", description = "Founders' bookings of desks, meeting rooms and booths")
public class BookingResource {

    private final BookingService service;
    private final CalendarService calendar;
    private final IdempotentRequests idempotency;
    private final SecurityIdentity identity;

    public BookingResource(BookingService service, CalendarService calendar, IdempotentRequests idempotency,
            SecurityIdentity identity) {
        this.service = service;
        this.calendar = calendar;
        this.idempotency = idempotency;
        this.identity = identity;
    }

    @POST
    @RolesAllowed("founder")
    @Operation(summary = "Book a space", description = "201 with the booking; 409 slot-taken when any part of the range is booked; "
            + "422 with the broken rule's own type; 403 membership-required. Retries with the same Idempotency-Key get the first answer. "
            + "Publishes BookingConfirmed.")
    public Uni<RestResponse<BookingView>> book(@Valid @NotNull BookingRequest request,
            @RestHeader(IdempotentRequests.HEADER) String key) {
        Caller caller = Caller.of(identity);
        return idempotency.execute(key, "booking.create", caller.name(), request, BookingView.class,
                () -> service.book(request, caller).map(booking -> RestResponse.ResponseBuilder
                        .<BookingView> create(RestResponse.Status.CREATED)
                        .header("Location", "/api/coworking/bookings/" + booking.id()).entity(booking).build()));
    }

    @POST
    @Path("recurring")
    @RolesAllowed("founder")
    @Operation(summary = "Book a weekly series", description = "rrule: FREQ=WEEKLY with INTERVAL (1-4), BYDAY and COUNT or UNTIL, "
            + "at most coworking.max-recurrence-weeks (12) weeks. Each occurrence is checked on its own; the answer lists "
            + "the booked ones and, for each refused one, the rule's type. Accepts an Idempotency-Key.")
    public Uni<RestResponse<RecurringResult>> bookSeries(@Valid @NotNull RecurringRequest request,
            @RestHeader(IdempotentRequests.HEADER) String key) {
        Caller caller = Caller.of(identity);
        return idempotency.execute(key, "booking.recurring", caller.name(), request, RecurringResult.class,
                () -> service.bookSeries(request, caller).map(result -> RestResponse.ResponseBuilder
                        .<RecurringResult> create(RestResponse.Status.CREATED).entity(result).build()));
    }

    @GET
    @Path("mine")
    @RolesAllowed("founder")
    @Operation(summary = "My bookings by start time, filtered by status and days (office time)")
    public Uni<Page<BookingView>> mine(@RestQuery Booking.Status status, @RestQuery LocalDate from, @RestQuery LocalDate to,
            @Valid @BeanParam PageRequest page) {
        return service.mine(Caller.of(identity), status, from, to, page);
    }

    @GET
    @Path("team")
    @RolesAllowed("founder")
    @Operation(summary = "My team's active bookings, read-only (teammates' check-in tokens left out)")
    public Uni<Page<BookingView>> team(@RestQuery LocalDate from, @RestQuery LocalDate to, @Valid @BeanParam PageRequest page) {
        return service.team(Caller.of(identity), from, to, page);
    }

    @GET
    @RolesAllowed({ "space-manager", "admin" })
    @Operation(summary = "All bookings by start time, filtered by founder, space, status and days")
    public Uni<Page<BookingView>> list(@RestQuery String username, @RestQuery UUID spaceId, @RestQuery Booking.Status status,
            @RestQuery LocalDate from, @RestQuery LocalDate to, @Valid @BeanParam PageRequest page) {
        return service.list(username, spaceId, status, from, to, page);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ "founder", "space-manager", "admin" })
    @Operation(summary = "Read one booking (another founder's booking is 404)")
    public Uni<BookingView> get(UUID id) {
        return service.get(id, Caller.of(identity));
    }

    @GET
    @Path("{id}/calendar.ics")
    @Produces(CalendarResource.ICS)
    @RolesAllowed({ "founder", "space-manager", "admin" })
    @Operation(summary = "One booking as an iCalendar file (the confirmation's attachment link, calendarUrl)")
    public Uni<String> ics(UUID id) {
        return calendar.bookingIcs(id, Caller.of(identity));
    }

    @POST
    @Path("{id}/cancel")
    @RolesAllowed({ "founder", "space-manager", "admin" })
    @Operation(summary = "Cancel a confirmed booking", description = "Publishes BookingCancelled; the first founder waiting for the slot gets it.")
    public Uni<BookingView> cancel(UUID id) {
        return service.cancel(id, Caller.of(identity));
    }

    /** The QR code on a booking carries its check-in token. */
    public record CheckIn(@jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 100) String token) {
    }

    @POST
    @Path("check-in")
    @RolesAllowed("founder")
    @Operation(summary = "Check in with my booking's QR token", description = "From 15 minutes before the start until the no-show deadline (start + 15 minutes).")
    public Uni<BookingView> checkIn(@Valid @NotNull CheckIn checkIn) {
        return service.checkInWithToken(checkIn.token(), Caller.of(identity));
    }

    @POST
    @Path("{id}/check-in")
    @RolesAllowed({ "space-manager", "admin" })
    @Operation(summary = "Check a founder in (space manager)")
    public Uni<BookingView> checkInByManager(UUID id) {
        return service.checkInByManager(id, Caller.of(identity));
    }

    @POST
    @Path("cancel")
    @RolesAllowed("founder")
    @Operation(summary = "Cancel my confirmed bookings on a range of days, or all future ones")
    public Uni<CancelledBookings> cancelRange(@NotNull CancelRange range) {
        return service.cancelRange(range, Caller.of(identity));
    }
}
