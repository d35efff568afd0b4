package org.smarttown.coworking.calendar;

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
import org.smarttown.coworking.common.Caller;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

@Path("/api/coworking")
@Tag(name = "Calendar", description = "iCalendar files and private feeds for founders")
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

    @POST
    @Path("calendar/feed")
    @RolesAllowed("founder")
    @Operation(summary = "Issue my private feed URL (revokes the previous one)",
            description = "Calendar apps cannot send tokens, so the URL itself is the secret: keep it private.")
    public Uni<RestResponse<FeedView>> newFeed() {
        return calendar.newFeedToken(Caller.of(identity))
                .map(token -> "/api/coworking/calendar/feeds/" + token + ".ics")
                .map(url -> RestResponse.ResponseBuilder.<FeedView> create(RestResponse.Status.CREATED)
                        .header("Location", url).entity(new FeedView(url)).build());
    }

    @GET
    @Path("calendar/feeds/{token}.ics")
    @Produces(ICS)
    @PermitAll
    @Operation(summary = "A founder's private feed of active bookings, by the secret in its URL (no bearer token)")
    public Uni<String> feed(@RestPath String token) {
        return calendar.feed(token);
    }
}
