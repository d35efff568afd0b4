package org.smarttown.resident.access;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.smarttown.commons.paging.Page;
import org.smarttown.commons.paging.PageRequest;
import org.smarttown.commons.problem.Invalid;
import org.smarttown.resident.common.Params;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@Path("/api/residents/access-log")
@Tag(name = "Access log", description = "Who read or changed which resident's record")
public class AccessLogResource {

    private final ObjectMapper mapper;

    public AccessLogResource(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** One line as supervisors see it; {@code changes} is {"field": {"old": .., "new": ..}}. */
    public record AccessLogView(UUID id, OffsetDateTime at, String actor, String action, UUID residentId, String purpose,
            JsonNode changes) {
    }

    @GET
    @RolesAllowed({ "care-supervisor", "admin" })
    @WithSession
    @Operation(summary = "Read the access log, newest first",
            description = "Filters combine: residentId, actor, from and to (ISO-8601 instants, from inclusive, to exclusive).")
    public Uni<Page<AccessLogView>> search(@QueryParam("residentId") String residentIdParam,
            @QueryParam("actor") @Size(max = 100) String actor,
            @QueryParam("from") String fromParam, @QueryParam("to") String toParam,
            @Valid @BeanParam PageRequest page) {
        UUID residentId = Params.uuid("residentId", residentIdParam);
        OffsetDateTime from = Params.instant("from", fromParam);
        OffsetDateTime to = Params.instant("to", toParam);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new Invalid("to", "must be after from");
        }
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (residentId != null) {
            where.append(" and residentId = :residentId");
            params.put("residentId", residentId);
        }
        if (actor != null && !actor.isBlank()) {
            where.append(" and actor = :actor");
            params.put("actor", actor.strip());
        }
        if (from != null) {
            where.append(" and at >= :from");
            params.put("from", from);
        }
        if (to != null) {
            where.append(" and at < :to");
            params.put("to", to);
        }
        return Page.of(AccessLogEntry.<AccessLogEntry> find(where.toString(),
                Sort.by("at", Sort.Direction.Descending).and("id"), params), page, this::view);
    }

    private AccessLogView view(AccessLogEntry e) {
        JsonNode changes = null;
        if (e.changes != null) {
            try {
                changes = mapper.readTree(e.changes);
            } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
                throw new IllegalStateException("access_log " + e.id + " holds unreadable changes", ex);
            }
        }
        return new AccessLogView(e.id, e.at, e.actor, e.action, e.residentId, e.purpose, changes);
    }
}
