package org.smarttown.coworking.member;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.smarttown.commons.paging.Page;
import org.smarttown.commons.paging.PageRequest;
import org.smarttown.coworking.common.Caller;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

@Path("/api/coworking/members")
@Tag(name = "Members", description = "Youth founders' memberships of the office")
public class MemberResource {

    private final MemberService service;
    private final SecurityIdentity identity;

    public MemberResource(MemberService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @POST
    @RolesAllowed("founder")
    @Operation(summary = "Apply for membership", description = "Youth founders are 19 to 39 years old on the day they apply (422 age-out-of-range otherwise). A rejected founder may apply again.")
    public Uni<RestResponse<MemberView>> apply(@Valid @NotNull MemberApplication application) {
        return service.apply(application, Caller.of(identity))
                .map(member -> RestResponse.ResponseBuilder.<MemberView> create(RestResponse.Status.CREATED)
                        .header("Location", "/api/coworking/members/" + member.id())
                        .entity(member).build());
    }

    @GET
    @Path("me")
    @RolesAllowed("founder")
    @Operation(summary = "My membership, with its status and the reason of a rejection")
    public Uni<MemberView> mine() {
        return service.mine(Caller.of(identity));
    }

    @GET
    @RolesAllowed({ "space-manager", "admin" })
    @Operation(summary = "List memberships, oldest application first, by status and team")
    public Uni<Page<MemberView>> list(@RestQuery Member.Status status, @RestQuery UUID teamId,
            @Valid @BeanParam PageRequest page) {
        return service.list(status, teamId, page);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ "space-manager", "admin" })
    @Operation(summary = "Read one membership")
    public Uni<MemberView> get(UUID id) {
        return service.get(id);
    }

    @POST
    @Path("{id}/approve")
    @RolesAllowed({ "space-manager", "admin" })
    @Operation(summary = "Approve a pending application", description = "Publishes MemberApproved to coworking.events.")
    public Uni<MemberView> approve(UUID id, @Valid @NotNull Approval approval) {
        return service.approve(id, approval, Caller.of(identity));
    }

    @POST
    @Path("{id}/reject")
    @RolesAllowed({ "space-manager", "admin" })
    @Operation(summary = "Reject a pending application with a reason")
    public Uni<MemberView> reject(UUID id, @Valid @NotNull Rejection rejection) {
        return service.reject(id, rejection, Caller.of(identity));
    }
}
