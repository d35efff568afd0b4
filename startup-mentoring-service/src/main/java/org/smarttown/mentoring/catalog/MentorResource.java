package org.smarttown.mentoring.catalog;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;
import org.smarttown.commons.paging.Page;
import org.smarttown.commons.paging.PageRequest;
import org.smarttown.commons.problem.NotFound;
import org.smarttown.mentoring.catalog.CatalogDtos.MentorView;
import org.smarttown.mentoring.catalog.CatalogDtos.SessionTypeView;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

@Path("/api/mentoring")
@Tag(name = "Mentors", description = "What founders browse before booking")
public class MentorResource {

    private final CatalogService catalog;

    public MentorResource(CatalogService catalog) {
        this.catalog = catalog;
    }

    @GET
    @Path("mentors")
    @RolesAllowed({ "founder", "admin" })
    @Operation(summary = "Find mentors", description = "Active mentors, optionally with one expertise tag and of one agency.")
    public Uni<Page<MentorView>> mentors(@RestQuery String expertise, @RestQuery String agency,
            @Valid @BeanParam PageRequest page) {
        return catalog.searchMentors(expertise, agency, page);
    }

    @GET
    @Path("mentors/{id}")
    @RolesAllowed({ "founder", "admin" })
    @Operation(summary = "Read one mentor")
    public Uni<MentorView> mentor(UUID id) {
        return Panache.withSession(() -> catalog.activeMentor(id)).map(mentor -> {
            if (mentor == null) {
                throw new NotFound("Mentor", id);
            }
            return MentorView.of(mentor);
        });
    }

    @GET
    @Path("session-types")
    @RolesAllowed({ "founder", "admin" })
    @Operation(summary = "The session types an agency offers (every mentor of the agency offers them)")
    public Uni<Page<SessionTypeView>> sessionTypes(@RestQuery String agency, @Valid @BeanParam PageRequest page) {
        if (agency == null || agency.isBlank()) {
            throw new org.smarttown.commons.problem.Invalid("agency", "is required");
        }
        return catalog.sessionTypesOfAgency(agency, true, page);
    }
}
