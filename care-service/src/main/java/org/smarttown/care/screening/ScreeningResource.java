package org.smarttown.care.screening;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestResponse;
import org.smarttown.care.common.Actor;
import org.smarttown.commons.idempotency.IdempotentRequests;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

@Path("/api/care")
@Tag(name = "Screenings", description = "Depression (PHQ-9, GDS-15) and cognitive screenings, scored by versioned instrument data")
public class ScreeningResource {

    private final ScreeningService service;
    private final InstrumentCatalog catalog;
    private final IdempotentRequests idempotency;
    private final SecurityIdentity identity;

    public ScreeningResource(ScreeningService service, InstrumentCatalog catalog, IdempotentRequests idempotency,
            SecurityIdentity identity) {
        this.service = service;
        this.catalog = catalog;
        this.idempotency = idempotency;
        this.identity = identity;
    }

    @POST
    @Path("screenings")
    @RolesAllowed({ "care-worker", "care-supervisor" })
    @Operation(summary = "Record a screening: 201 with total, band and follow-up flags",
            description = "A critical item (PHQ-9 item 9 above 0) raises a CRITICAL alert at once; a band that asks for "
                    + "follow-up plans a visit. Publishes ScreeningCompleted. Accepts an Idempotency-Key.")
    public Uni<RestResponse<ScreeningView>> record(@Valid @NotNull NewScreening request,
            @RestHeader(IdempotentRequests.HEADER) String key) {
        Actor actor = Actor.of(identity);
        return idempotency.execute(key, "screening.create", actor.name(), request, ScreeningView.class,
                () -> service.record(request, actor).map(screening -> RestResponse.ResponseBuilder
                        .<ScreeningView> create(RestResponse.Status.CREATED)
                        .header("Location", "/api/care/screenings/" + screening.id()).entity(screening).build()));
    }

    @GET
    @Path("screenings/{id}")
    @RolesAllowed({ "care-worker", "care-supervisor" })
    @Operation(summary = "One screening with its answers, instrument version, who administered it and when")
    public Uni<ScreeningView> get(UUID id) {
        return service.get(id);
    }

    @GET
    @Path("screenings/instruments")
    @RolesAllowed({ "care-worker", "care-supervisor" })
    @Operation(summary = "The instruments in use (latest version of each): items, answers, bands, cutoffs")
    public List<Instrument> instruments() {
        return catalog.latestVersions();
    }

    @GET
    @Path("residents/{residentId}/screenings")
    @RolesAllowed({ "care-worker", "care-supervisor" })
    @Operation(summary = "A resident's screenings per instrument, oldest first, with the next due date")
    public Uni<ScreeningTrend> trend(UUID residentId, @QueryParam("instrument") String instrument) {
        return service.trend(residentId, instrument);
    }
}
