package org.smarttown.coworking.booking;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;
import org.smarttown.commons.paging.Page;
import org.smarttown.commons.paging.PageRequest;
import org.smarttown.commons.problem.Invalid;
import org.smarttown.coworking.common.Caller;
import org.smarttown.coworking.space.SpaceType;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

@Path("/api/coworking/availability")
@Tag(name = "Availability", description = "Free spaces for a time range, and why the others are not")
public class AvailabilityResource {

    private final AvailabilityService service;
    private final SecurityIdentity identity;

    public AvailabilityResource(AvailabilityService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({ "founder", "space-manager", "admin" })
    @Operation(summary = "Spaces free for the whole range (from, to: ISO-8601 with offset)",
            description = "Each space answers available, or its reasons: slot-taken, space-closed, outside-opening-hours, "
                    + "slot-boundary and, for founders, their own limits (quotas, active bookings, no-show block, membership).")
    public Uni<Page<Availability>> find(@RestQuery String from, @RestQuery String to, @RestQuery SpaceType type,
            @RestQuery @Min(1) @Max(100) Integer capacity, @RestQuery List<String> equipment,
            @Valid @BeanParam PageRequest page) {
        return service.find(time("from", from), time("to", to), type, capacity, equipment, Caller.of(identity), page);
    }

    /** Parsed here so that a malformed time names its parameter in the 400. */
    static OffsetDateTime time(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new Invalid(field, "is required (ISO-8601 with offset, e.g. 2026-12-01T10:00:00+09:00)");
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new Invalid(field, "must be ISO-8601 with offset, e.g. 2026-12-01T10:00:00+09:00");
        }
    }
}
