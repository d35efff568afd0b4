package org.smarttown.mentoring.partner;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.security.OAuthFlow;
import org.eclipse.microprofile.openapi.annotations.security.OAuthFlows;
import org.eclipse.microprofile.openapi.annotations.security.OAuthScope;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;
import org.smarttown.commons.idempotency.IdempotentRequests;
import org.smarttown.commons.paging.Page;
import org.smarttown.commons.paging.PageRequest;
import org.smarttown.mentoring.catalog.Availability;
import org.smarttown.mentoring.catalog.CatalogDtos.MentorRequest;
import org.smarttown.mentoring.catalog.CatalogDtos.MentorView;
import org.smarttown.mentoring.catalog.CatalogDtos.SessionTypeRequest;
import org.smarttown.mentoring.catalog.CatalogDtos.SessionTypeView;
import org.smarttown.mentoring.catalog.CatalogService;
import org.smarttown.mentoring.common.Caller;
import org.smarttown.mentoring.common.Responses;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * The partner API for an agency's own mentors and session types. The agency is always the token's
 * agency_id; ids of another agency's objects answer 404. It also declares the partner API's security
 * scheme for the OpenAPI document (see {@link PartnerApi}); the token URL here is the local suite's,
 * replaced at start by the realm the instance trusts ({@link PartnerTokenUrlFilter}).
 */
@SecurityScheme(securitySchemeName = PartnerApi.SCHEME, type = SecuritySchemeType.OAUTH2,
        description = "OAuth2 client credentials of the agency's client in the realm smarttown. Ask for the scopes "
                + "the integration needs (scope=...); the agency is the token's agency_id claim.",
        flows = @OAuthFlows(clientCredentials = @OAuthFlow(
                tokenUrl = "http://127.0.0.1:8180/realms/smarttown/protocol/openid-connect/token",
                scopes = {
                        @OAuthScope(name = "mentors:read",
                                description = "read the agency's mentors, their availability and session types"),
                        @OAuthScope(name = "mentors:write", description = "add and change them"),
                        @OAuthScope(name = "sessions:read",
                                description = "read the agency's sessions, their follow-up and the report"),
                        @OAuthScope(name = "sessions:write",
                                description = "confirm, decline, cancel, complete, mark no-shows, reschedule, follow up"),
                        @OAuthScope(name = "webhooks:manage",
                                description = "register and remove endpoints, read and redeliver deliveries") })))
@Path("/partner/v1")
@Tag(name = "Partner: mentors and session types", description = "For agency-partner clients (OAuth2 client credentials)")
@RolesAllowed("agency-partner")
public class PartnerCatalogResource {

    private final CatalogService catalog;
    private final IdempotentRequests idempotency;
    private final SecurityIdentity identity;

    public PartnerCatalogResource(CatalogService catalog, IdempotentRequests idempotency, SecurityIdentity identity) {
        this.catalog = catalog;
        this.idempotency = idempotency;
        this.identity = identity;
    }

    @GET
    @Path("mentors")
    @RolesAllowed("agency-partner")
    @SecurityRequirement(name = PartnerApi.SCHEME, scopes = "mentors:read")
    @Operation(summary = "List the agency's mentors (scope mentors:read)")
    public Uni<Page<MentorView>> mentors(@Valid @BeanParam PageRequest page) {
        return catalog.mentorsOfAgency(caller("mentors:read").agency(), page);
    }

    @POST
    @Path("mentors")
    @RolesAllowed("agency-partner")
    @SecurityRequirement(name = PartnerApi.SCHEME, scopes = "mentors:write")
    @Operation(summary = "Add a mentor (scope mentors:write)")
    public Uni<RestResponse<MentorView>> createMentor(@Valid @NotNull MentorRequest request,
            @RestHeader(IdempotentRequests.HEADER) String key) {
        Caller agency = caller("mentors:write");
        return idempotency.execute(key, "partner.mentor.create", agency.actor(), request, MentorView.class,
                () -> catalog.createMentor(agency.agency(), request)
                        .map(mentor -> Responses.created("/partner/v1/mentors/" + mentor.id, MentorView.of(mentor))));
    }

    @GET
    @Path("mentors/{id}")
    @RolesAllowed("agency-partner")
    @SecurityRequirement(name = PartnerApi.SCHEME, scopes = "mentors:read")
    @Operation(summary = "Read one of the agency's mentors (scope mentors:read)")
    public Uni<MentorView> mentor(@RestPath UUID id) {
        return catalog.mentorOfAgency(caller("mentors:read").agency(), id).map(MentorView::of);
    }

    @PUT
    @Path("mentors/{id}")
    @RolesAllowed("agency-partner")
    @SecurityRequirement(name = PartnerApi.SCHEME, scopes = "mentors:write")
    @Operation(summary = "Replace a mentor's profile (scope mentors:write); availability is kept when omitted")
    public Uni<MentorView> updateMentor(@RestPath UUID id, @Valid @NotNull MentorRequest request) {
        return catalog.updateMentor(caller("mentors:write").agency(), id, request).map(MentorView::of);
    }

    @GET
    @Path("mentors/{id}/availability")
    @RolesAllowed("agency-partner")
    @SecurityRequirement(name = PartnerApi.SCHEME, scopes = "mentors:read")
    @Operation(summary = "A mentor's weekly hours, date overrides and holidays, Asia/Seoul (scope mentors:read)")
    public Uni<Availability> availability(@RestPath UUID id) {
        return catalog.mentorOfAgency(caller("mentors:read").agency(), id).map(mentor -> mentor.availability);
    }

    @PUT
    @Path("mentors/{id}/availability")
    @RolesAllowed("agency-partner")
    @SecurityRequirement(name = PartnerApi.SCHEME, scopes = "mentors:write")
    @Operation(summary = "Replace a mentor's availability (scope mentors:write)")
    public Uni<Availability> replaceAvailability(@RestPath UUID id, @Valid @NotNull Availability availability) {
        return catalog.replaceAvailability(caller("mentors:write").agency(), id, availability)
                .map(mentor -> mentor.availability);
    }

    @GET
    @Path("session-types")
    @RolesAllowed("agency-partner")
    @SecurityRequirement(name = PartnerApi.SCHEME, scopes = "mentors:read")
    @Operation(summary = "List the agency's session types (scope mentors:read)")
    public Uni<Page<SessionTypeView>> sessionTypes(@Valid @BeanParam PageRequest page) {
        return catalog.sessionTypesOfAgency(caller("mentors:read").agency(), false, page);
    }

    @POST
    @Path("session-types")
    @RolesAllowed("agency-partner")
    @SecurityRequirement(name = PartnerApi.SCHEME, scopes = "mentors:write")
    @Operation(summary = "Add a session type (scope mentors:write)")
    public Uni<RestResponse<SessionTypeView>> createSessionType(@Valid @NotNull SessionTypeRequest request,
            @RestHeader(IdempotentRequests.HEADER) String key) {
        Caller agency = caller("mentors:write");
        return idempotency.execute(key, "partner.session-type.create", agency.actor(), request, SessionTypeView.class,
                () -> catalog.createSessionType(agency.agency(), request)
                        .map(type -> Responses.created("/partner/v1/session-types/" + type.id, SessionTypeView.of(type))));
    }

    @GET
    @Path("session-types/{id}")
    @RolesAllowed("agency-partner")
    @SecurityRequirement(name = PartnerApi.SCHEME, scopes = "mentors:read")
    @Operation(summary = "Read one session type (scope mentors:read)")
    public Uni<SessionTypeView> sessionType(@RestPath UUID id) {
        return catalog.sessionTypeOfAgency(caller("mentors:read").agency(), id).map(SessionTypeView::of);
    }

    @PUT
    @Path("session-types/{id}")
    @RolesAllowed("agency-partner")
    @SecurityRequirement(name = PartnerApi.SCHEME, scopes = "mentors:write")
    @Operation(summary = "Replace a session type's rules (scope mentors:write); booked sessions keep theirs")
    public Uni<SessionTypeView> updateSessionType(@RestPath UUID id, @Valid @NotNull SessionTypeRequest request) {
        return catalog.updateSessionType(caller("mentors:write").agency(), id, request).map(SessionTypeView::of);
    }

    private Caller caller(String scope) {
        return Caller.of(identity).requireScope(scope);
    }
}
