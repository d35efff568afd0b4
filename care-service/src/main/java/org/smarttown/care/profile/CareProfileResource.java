package org.smarttown.care.profile;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.smarttown.commons.paging.Page;
import org.smarttown.commons.paging.PageRequest;

import io.smallrye.mutiny.Uni;

@Path("/api/care/profiles")
@Tag(name = "Care profiles", description = "The residents in care, made from resident-service's events")
public class CareProfileResource {

    private final CareProfileService service;

    public CareProfileResource(CareProfileService service) {
        this.service = service;
    }

    @GET
    @Path("{residentId}")
    @RolesAllowed({ "care-worker", "care-supervisor" })
    @Operation(summary = "Read the care profile of one resident")
    public Uni<CareProfileView> get(UUID residentId) {
        return service.get(residentId);
    }

    @GET
    @RolesAllowed({ "care-worker", "care-supervisor" })
    @Operation(summary = "List care profiles, by name, a page at a time")
    public Uni<Page<CareProfileView>> list(@Valid @BeanParam PageRequest page) {
        return service.list(page);
    }

    @PUT
    @Path("{residentId}/conditions")
    @RolesAllowed({ "care-worker", "care-supervisor" })
    @Operation(summary = "Record the resident's care-relevant conditions (replaces the list; VR contraindications read it)")
    public Uni<CareProfileView> changeConditions(UUID residentId, @Valid @NotNull ConditionsChange change) {
        return service.changeConditions(residentId, change.conditions());
    }

    @PATCH
    @Path("{residentId}")
    @RolesAllowed("care-supervisor")
    @Operation(summary = "Set a resident's own expected active hours and quiet period")
    public Uni<CareProfileView> changeRhythm(UUID residentId, @Valid @NotNull RhythmChange change) {
        return service.changeRhythm(residentId, change);
    }
}
