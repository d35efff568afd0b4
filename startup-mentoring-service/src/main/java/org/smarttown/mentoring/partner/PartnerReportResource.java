package org.smarttown.mentoring.partner;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;
import org.smarttown.mentoring.booking.ReportService;
import org.smarttown.mentoring.booking.ReportService.AgencyReport;
import org.smarttown.mentoring.common.Caller;
import org.smarttown.mentoring.common.QueryParams;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

@Path("/partner/v1/report")
@Tag(name = "Partner: sessions")
@RolesAllowed("agency-partner")
public class PartnerReportResource {

    private final ReportService reports;
    private final SecurityIdentity identity;

    public PartnerReportResource(ReportService reports, SecurityIdentity identity) {
        this.reports = reports;
        this.identity = identity;
    }

    @GET
    @RolesAllowed("agency-partner")
    @SecurityRequirement(name = PartnerApi.SCHEME, scopes = "sessions:read")
    @Operation(summary = "The agency's sessions by status, no-shows on each side and ratings, overall and per mentor "
            + "(sessions starting between two Seoul dates, inclusive; scope sessions:read)")
    public Uni<AgencyReport> report(@RestQuery String from, @RestQuery String to) {
        Caller agency = Caller.of(identity).requireScope("sessions:read");
        return reports.report(agency.agency(), QueryParams.date("from", from), QueryParams.date("to", to));
    }
}
