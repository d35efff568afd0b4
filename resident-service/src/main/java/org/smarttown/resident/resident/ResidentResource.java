package org.smarttown.resident.resident;

import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestResponse;
import org.smarttown.commons.idempotency.IdempotentRequests;
import org.smarttown.commons.paging.Page;
import org.smarttown.commons.paging.PageRequest;
import org.smarttown.resident.common.Caller;
import org.smarttown.resident.risk.NeedsService;
import org.smarttown.resident.risk.RiskAssessment;
import org.smarttown.resident.rrn.RrnProtector;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

@Path("/api/residents")
@Tag(name = "Residents", description = "The registry of residents in care")
public class ResidentResource {

    static final String STAFF = "welfare-staff";
    static final String MERGE_PATCH = "application/merge-patch+json";
    static final String CARE_WORKER = "care-worker";
    static final String SUPERVISOR = "care-supervisor";
    static final String ADMIN = "admin";

    private final ResidentService service;
    private final NeedsService needs;
    private final IdempotentRequests idempotency;
    private final RrnProtector rrns;
    private final SecurityIdentity identity;

    public ResidentResource(ResidentService service, NeedsService needs, IdempotentRequests idempotency, RrnProtector rrns,
            SecurityIdentity identity) {
        this.service = service;
        this.needs = needs;
        this.idempotency = idempotency;
        this.rrns = rrns;
        this.identity = identity;
    }

    @POST
    @RolesAllowed(STAFF)
    @Operation(summary = "Register a resident", description = "Publishes ResidentRegistered to residents.events. "
            + "Accepts an Idempotency-Key: a retry with the same key and body answers the first registration again.")
    public Uni<RestResponse<ResidentView>> register(@Valid @NotNull ResidentRequest request,
            @RestHeader(IdempotentRequests.HEADER) String key) {
        Caller caller = Caller.of(identity);
        // The key's stored fingerprint of the request holds the number's keyed hash, never the number.
        ResidentRequest fingerprinted = request.rrn() == null ? request : request.withRrn(rrns.fingerprint(request.rrn()));
        return idempotency.execute(key, "resident.register", caller.name(), fingerprinted, ResidentView.class,
                () -> service.register(request, caller)
                        .map(resident -> RestResponse.ResponseBuilder.<ResidentView> create(RestResponse.Status.CREATED)
                                .header("Location", "/api/residents/" + resident.id)
                                .entity(ResidentView.of(resident))
                                .build()));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ STAFF, CARE_WORKER, SUPERVISOR, ADMIN })
    @Operation(summary = "Read one resident, with the status history",
            description = "A care worker reads only the residents assigned to them; others are 404.")
    public Uni<ResidentView> get(UUID id,
            @Parameter(description = "Why the record is read; kept in the access log") @QueryParam("purpose") @Size(max = 200) String purpose) {
        return service.view(id, Caller.of(identity), purpose);
    }

    @POST
    @Path("{id}/rrn-reveal")
    @RolesAllowed(STAFF)
    @Operation(summary = "Show a resident's registration number in clear",
            description = "Needs a reason; every reveal is written to the access log.")
    public Uni<RrnReveal> revealRrn(UUID id, @Valid @NotNull RrnRevealRequest request) {
        return service.revealRrn(id, request.reason(), Caller.of(identity));
    }

    @PATCH
    @Path("{id}")
    @RolesAllowed(STAFF)
    @Consumes({ MediaType.APPLICATION_JSON, MERGE_PATCH })
    @Operation(summary = "Change some of a resident's data (JSON merge patch, RFC 7396)",
            description = "Absent fields stay; null clears an optional field (phone, location, building, unit, lists, "
                    + "assignedCareWorker, haengbokeumId); name, address.dong and address.complex cannot be cleared; "
                    + "objects merge, lists are replaced whole. Publishes ConsentChanged per changed consent and ResidentUpdated.")
    @RequestBody(content = @Content(schema = @Schema(implementation = ResidentPatch.class)))
    public Uni<ResidentView> update(UUID id, @NotNull JsonNode patch) {
        return service.update(id, patch, Caller.of(identity));
    }

    @POST
    @Path("{id}/deactivate")
    @RolesAllowed(STAFF)
    @Operation(summary = "End a resident's care (moved out, deceased) with a reason",
            description = "Adds to the status history; publishes ResidentDeactivated.")
    public Uni<ResidentView> deactivate(UUID id, @Valid @NotNull DeactivationRequest request) {
        return service.deactivate(id, request, Caller.of(identity));
    }

    @GET
    @Path("{id}/risk")
    @RolesAllowed({ STAFF, CARE_WORKER, SUPERVISOR, ADMIN })
    @Operation(summary = "A resident's risk score and level, signal by signal")
    public Uni<RiskAssessment> risk(UUID id) {
        return service.risk(id, Caller.of(identity));
    }

    @GET
    @Path("map")
    @RolesAllowed({ STAFF, SUPERVISOR, ADMIN })
    @Operation(summary = "The City Map: a GeoJSON FeatureCollection of needs per building",
            description = "Buildings with fewer than smarttown.risk.map-min-residents residents in care are merged into their complex.")
    public Uni<Map<String, Object>> map(@QueryParam("dong") @Size(max = 50) String dong) {
        return needs.map(dong);
    }

    @GET
    @Path("stats")
    @RolesAllowed({ STAFF, SUPERVISOR, ADMIN })
    @Operation(summary = "Counts of active residents by dong, complex, category and risk level")
    public Uni<Map<String, Object>> stats() {
        return needs.stats();
    }

    @GET
    @RolesAllowed({ STAFF, CARE_WORKER, SUPERVISOR, ADMIN })
    @Operation(summary = "Find residents",
            description = "q matches name or phone; dong, complex, category and status filter; sort by name, birthDate, createdAt or complex (leading - for descending). A care worker sees only their own residents.")
    public Uni<Page<ResidentView>> search(@Valid @BeanParam ResidentSearch search, @Valid @BeanParam PageRequest page) {
        return service.search(search, page, Caller.of(identity));
    }
}
