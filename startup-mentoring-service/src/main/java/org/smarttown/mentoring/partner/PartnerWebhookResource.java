package org.smarttown.mentoring.partner;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;
import org.smarttown.commons.idempotency.IdempotentRequests;
import org.smarttown.commons.paging.Page;
import org.smarttown.commons.paging.PageRequest;
import org.smarttown.mentoring.common.Caller;
import org.smarttown.mentoring.common.Responses;
import org.smarttown.mentoring.webhook.WebhookDtos.DeliveryView;
import org.smarttown.mentoring.webhook.WebhookDtos.EndpointRequest;
import org.smarttown.mentoring.webhook.WebhookDtos.EndpointView;
import org.smarttown.mentoring.webhook.WebhookService;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/** Webhook endpoints of the agency, and their delivery log. Another agency's ids are 404. */
@Path("/partner/v1/webhooks")
@Tag(name = "Partner: webhooks", description = "Signed POSTs of session events to the agency's systems")
@RolesAllowed("agency-partner")
public class PartnerWebhookResource {

    private final WebhookService webhooks;
    private final IdempotentRequests idempotency;
    private final SecurityIdentity identity;

    public PartnerWebhookResource(WebhookService webhooks, IdempotentRequests idempotency, SecurityIdentity identity) {
        this.webhooks = webhooks;
        this.idempotency = idempotency;
        this.identity = identity;
    }

    @POST
    @RolesAllowed("agency-partner")
    @SecurityRequirement(name = PartnerApi.SCHEME, scopes = "webhooks:manage")
    @Operation(summary = "Register an endpoint (scope webhooks:manage)",
            description = "The answer carries the signing secret, shown only this once. No events listed means all.")
    public Uni<RestResponse<EndpointView>> register(@Valid @NotNull EndpointRequest request,
            @RestHeader(IdempotentRequests.HEADER) String key) {
        Caller agency = caller();
        return idempotency.execute(key, "partner.webhook.register", agency.actor(), request, EndpointView.class,
                () -> webhooks.register(agency.agency(), request)
                        .map(view -> Responses.created("/partner/v1/webhooks/" + view.id(), view)))
                .chain(answer -> webhooks.withSecret(agency.agency(), answer.getEntity())
                        .map(view -> RestResponse.ResponseBuilder.fromResponse(answer).entity(view).build()));
    }

    @GET
    @RolesAllowed("agency-partner")
    @SecurityRequirement(name = PartnerApi.SCHEME, scopes = "webhooks:manage")
    @Operation(summary = "The agency's active endpoints (scope webhooks:manage)")
    public Uni<Page<EndpointView>> list(@Valid @BeanParam PageRequest page) {
        return webhooks.endpoints(caller().agency(), page);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed("agency-partner")
    @SecurityRequirement(name = PartnerApi.SCHEME, scopes = "webhooks:manage")
    @Operation(summary = "Stop sending to an endpoint (scope webhooks:manage)")
    public Uni<RestResponse<Void>> remove(@RestPath UUID id) {
        return webhooks.deactivate(caller().agency(), id).map(ignored -> RestResponse.noContent());
    }

    @GET
    @Path("{id}/deliveries")
    @RolesAllowed("agency-partner")
    @SecurityRequirement(name = PartnerApi.SCHEME, scopes = "webhooks:manage")
    @Operation(summary = "Delivery log of an endpoint, newest first, each with its attempts (scope webhooks:manage)")
    public Uni<Page<DeliveryView>> deliveries(@RestPath UUID id, @Valid @BeanParam PageRequest page) {
        return webhooks.deliveries(caller().agency(), id, page);
    }

    @POST
    @Path("deliveries/{deliveryId}/redeliver")
    @RolesAllowed("agency-partner")
    @SecurityRequirement(name = PartnerApi.SCHEME, scopes = "webhooks:manage")
    @Operation(summary = "Send a delivery again now (scope webhooks:manage)")
    public Uni<RestResponse<DeliveryView>> redeliver(@RestPath UUID deliveryId,
            @RestHeader(IdempotentRequests.HEADER) String key) {
        Caller agency = caller();
        return idempotency.execute(key, "partner.webhook.redeliver:" + deliveryId, agency.actor(), "", DeliveryView.class,
                () -> webhooks.redeliver(agency.agency(), deliveryId)
                        .map(view -> RestResponse.ResponseBuilder.<DeliveryView> create(RestResponse.Status.ACCEPTED)
                                .entity(view).build()));
    }

    private Caller caller() {
        return Caller.of(identity).requireScope("webhooks:manage");
    }
}
