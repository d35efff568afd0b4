package org.smarttown.care.trend;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.smarttown.care.reading.ReadingType;
import org.smarttown.commons.problem.Invalid;

import io.smallrye.mutiny.Uni;

@Path("/api/care/residents/{residentId}/vitals")
@Tag(name = "Trends", description = "A resident's vital signs downsampled for charts")
public class TrendResource {

    private final TrendService service;

    public TrendResource(TrendService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({ "care-worker", "care-supervisor" })
    @Operation(summary = "One vital sign in time buckets (default: the last 24 hours by the hour)")
    public Uni<VitalsTrend> vitals(UUID residentId, @NotNull @QueryParam("type") ReadingType type,
            @QueryParam("from") OffsetDateTime from, @QueryParam("to") OffsetDateTime to,
            @QueryParam("step") String step) {
        OffsetDateTime end = to != null ? to : OffsetDateTime.now(ZoneOffset.UTC);
        OffsetDateTime start = from != null ? from : end.minusHours(24);
        Duration bucket;
        try {
            bucket = step == null ? Duration.ofHours(1) : Duration.parse(step);
        } catch (DateTimeParseException e) {
            throw new Invalid("step", "must be an ISO-8601 duration such as PT5M or PT1H");
        }
        return service.vitals(residentId, type, start, end, bucket);
    }
}
