package org.smarttown.mentoring.catalog;

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
import org.smarttown.mentoring.booking.ReportService;
import org.smarttown.mentoring.common.QueryParams;
import org.jboss.resteasy.reactive.RestResponse;
import org.smarttown.commons.idempotency.IdempotentRequests;
import org.smarttown.commons.paging.Page;
import org.smarttown.commons.paging.PageRequest;
import org.smarttown.mentoring.catalog.CatalogDtos.AgencyRequest;
import org.smarttown.mentoring.catalog.CatalogDtos.AgencyView;
import org.smarttown.mentoring.common.Responses;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

@Path("/api/mentoring/agencies")
@Tag(name = "Agencies", description = "Startup-support agencies, registered by admin")
public class AgencyResource {

    private final CatalogService catalog;
    private final IdempotentRequests idempotency;
    private final SecurityIdentity identity;
    private final ReportService reports;

    public AgencyResource(CatalogService catalog, IdempotentRequests idempotency, SecurityIdentity identity,
            ReportService reports) {
        this.catalog = catalog;
        this.reports = reports;
        this.idempotency = idempotency;
        this.identity = identity;
    }

    @POST
    @RolesAllowed("admin")
    @Operation(summary = "Register an agency", description = "The id must equal the agency_id claim of the agency's partner client.")
    public Uni<RestResponse<AgencyView>> register(@Valid @NotNull AgencyRequest request,
            @RestHeader(IdempotentRequests.HEADER) String key) {
        String admin = identity.getPrincipal().getName();
        return idempotency.execute(key, "agency.register", admin, request, AgencyView.class,
                () -> catalog.registerAgency(request, admin)
                        .map(agency -> Responses.created("/api/mentoring/agencies/" + agency.id, AgencyView.of(agency))));
    }

    @GET
    @Path("{id}/report")
    @RolesAllowed("admin")
    @Operation(summary = "An agency's sessions by status, no-shows on each side and ratings, overall and per mentor",
            description = "Sessions starting between two Seoul dates, both inclusive.")
    public Uni<ReportService.AgencyReport> report(@RestPath String id, @RestQuery String from, @RestQuery String to) {
        return reports.report(id, QueryParams.date("from", from), QueryParams.date("to", to));
    }

    @GET
    @RolesAllowed({ "admin", "founder" })
    @Operation(summary = "List agencies")
    public Uni<Page<AgencyView>> list(@Valid @BeanParam PageRequest page) {
        return catalog.agencies(page);
    }
}
