package org.smarttown.mentoring.partner;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.ext.web.Router;

/**
 * The OpenAPI document at {@code /partner/v1/openapi} as well as {@code /q/openapi}: the gateway
 * forwards only {@code /api/mentoring} and {@code /partner/v1} to this service, so this is where
 * partners read it through the gateway (with their token, like every partner path). The request is
 * rerouted to Quarkus' own handler, so both paths answer the same document, and {@code format=json}
 * works on both.
 */
@ApplicationScoped
public class PartnerOpenApiRoute {

    public static final String PATH = "/partner/v1/openapi";

    // After Quarkus' authentication and authorization (negative orders), before the REST layer,
    // which would answer 404 for a path under /partner/v1 that no resource method serves.
    private static final int ORDER = -40;

    void install(@Observes Router router) {
        router.get(PATH).order(ORDER).handler(ctx -> {
            String query = ctx.request().query();
            ctx.reroute("/q/openapi" + (query == null || query.isEmpty() ? "" : "?" + query));
        });
    }
}
