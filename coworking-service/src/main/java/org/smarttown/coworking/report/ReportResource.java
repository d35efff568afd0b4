package org.smarttown.coworking.report;

import java.time.LocalDate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;

@Path("/api/coworking/reports")
@Tag(name = "Reports", description = "Occupancy and no-shows for space managers")
public class ReportResource {

    private final ReportService service;

    public ReportResource(ReportService service) {
        this.service = service;
    }

    @GET
    @Path("occupancy")
    @RolesAllowed({ "space-manager", "admin" })
    @Operation(summary = "Occupancy by space, day and hour, and the no-show rate, for days from..to (at most 92)")
    public Uni<OccupancyReport> occupancy(@RestQuery LocalDate from, @RestQuery LocalDate to) {
        return service.occupancy(from, to);
    }

    @GET
    @Path("occupancy.csv")
    @Produces("text/csv")
    @RolesAllowed({ "space-manager", "admin" })
    @Operation(summary = "Booked minutes per space, day and hour as CSV")
    public Uni<RestResponse<String>> occupancyCsv(@RestQuery LocalDate from, @RestQuery LocalDate to) {
        return service.occupancyCsv(from, to).map(csv -> RestResponse.ResponseBuilder.ok(csv, "text/csv")
                .header("Content-Disposition", "attachment; filename=\"occupancy-" + from + "-" + to + ".csv\"").build());
    }
}
