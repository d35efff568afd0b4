package org.smarttown.coworking.idempotency;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestResponse;
import org.smarttown.commons.idempotency.IdempotentRequests;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/** A write that counts how often it really ran, to prove what an Idempotency-Key prevents. */
@Path("/api/coworking/test-idempotency")
public class CountingResource {

    public record Order(String item, int quantity) {
    }

    public record Receipt(UUID id, String item, int quantity, int run) {
    }

    static final AtomicInteger RUNS = new AtomicInteger();

    private final IdempotentRequests idempotency;
    private final SecurityIdentity identity;

    public CountingResource(IdempotentRequests idempotency, SecurityIdentity identity) {
        this.idempotency = idempotency;
        this.identity = identity;
    }

    @POST
    @RolesAllowed("founder")
    public Uni<RestResponse<Receipt>> order(Order order, @RestHeader(IdempotentRequests.HEADER) String key) {
        return idempotency.execute(key, "test.order", identity.getPrincipal().getName(), order, Receipt.class,
                () -> Uni.createFrom().item(() -> {
                    Receipt receipt = new Receipt(UUID.randomUUID(), order.item(), order.quantity(), RUNS.incrementAndGet());
                    return RestResponse.ResponseBuilder.<Receipt> create(201)
                            .header("Location", "/api/coworking/test-idempotency/" + receipt.id())
                            .entity(receipt).build();
                }));
    }
}
