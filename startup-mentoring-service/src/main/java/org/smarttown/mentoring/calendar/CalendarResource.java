package org.smarttown.mentoring.calendar;

import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;
import org.smarttown.mentoring.common.Responses;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

@Path("/api/mentoring")
@Tag(name = "Calendar", description = "iCalendar files for founders")
public class CalendarResource {

    public static final String ICS = "text/calendar";

    public record FeedView(String url) {
    }

    private final CalendarService calendar;
    private final SecurityIdentity identity;

    public CalendarResource(CalendarService calendar, SecurityIdentity identity) {
        this.calendar = calendar;
        this.identity = identity;
    }

    @GET
    @Path("sessions/{id}/calendar.ics")
    @Produces(ICS)
    @RolesAllowed("founder")
    @Operation(summary = "One of my sessions as an iCalendar file (mentor as organizer, me as attendee)")
    public Uni<String> session(@RestPath UUID id) {
        return calendar.sessionIcs(identity.getPrincipal().getName(), id);
    }

    @POST
    @Path("calendar/feed")
    @RolesAllowed("founder")
    @Operation(summary = "Issue my private feed URL (revokes the previous one)",
            description = "Calendar apps cannot send tokens, so the URL itself is the secret: keep it private.")
    public Uni<RestResponse<FeedView>> newFeed() {
        return calendar.newFeedToken(identity.getPrincipal().getName())
                .map(token -> "/api/mentoring/calendar/feeds/" + token + ".ics")
                .map(url -> Responses.created(url, new FeedView(url)));
    }

    @GET
    @Path("calendar/feeds/{token}.ics")
    @Produces(ICS)
    @PermitAll
    @Operation(summary = "A founder's private feed, by the secret in its URL (no bearer token)")
    public Uni<String> feed(@RestPath String token) {
        return calendar.feed(token);
    }
}
