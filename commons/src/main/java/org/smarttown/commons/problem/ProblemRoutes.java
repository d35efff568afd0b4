package org.smarttown.commons.problem;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.oidc.OIDCException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Problem+json for what happens outside the REST layer: paths no resource serves, bodies over the
 * size limit, failed authentication and anything that escaped a resource.
 */
@ApplicationScoped
public class ProblemRoutes {

    private static final Logger LOG = Logger.getLogger(ProblemRoutes.class);

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failure);
        router.route().last().handler(ctx -> write(ctx,
                Problem.of("not-found", "Not Found", 404, ProblemMappers.statusDetail(404))));
    }

    private void failure(RoutingContext ctx) {
        if (ctx.response().headWritten()) {
            ctx.next();
            return;
        }
        Throwable failure = ctx.failure();
        if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException
                || failure instanceof AuthenticationCompletionException) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
            write(ctx, unauthorized());
            return;
        }
        if (failure instanceof OIDCException) {
            // Fail closed: without the identity provider no token can be checked.
            LOG.warnf("Identity provider unavailable on %s: %s", ctx.normalizedPath(), failure.getMessage());
            ctx.response().putHeader("Retry-After", "10");
            write(ctx, Problem.of("identity-provider-unavailable", "Service Unavailable", 503,
                    "Sign-in cannot be checked right now; try again shortly"));
            return;
        }
        if (failure instanceof ForbiddenException) {
            write(ctx, Problem.of("forbidden", "Forbidden", 403, "Your role does not allow this request"));
            return;
        }
        int status = ctx.statusCode();
        // Also with a failure: Vert.x refuses a request without a Host header with fail(400, exception).
        if (status >= 400 && status < 500) {
            write(ctx, Problem.of(ProblemMappers.statusSlug(status), reason(status), status,
                    ProblemMappers.statusDetail(status)));
            return;
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(failure, "Unexpected failure %s on %s", errorId, ctx.normalizedPath());
        write(ctx, Problem.of("internal", "Internal error", 500,
                "The request could not be completed; quote error id " + errorId + " when reporting it"));
    }

    public static Problem unauthorized() {
        return Problem.of("unauthorized", "Unauthorized", 401, "A valid bearer token is required");
    }

    private static String reason(int status) {
        return io.netty.handler.codec.http.HttpResponseStatus.valueOf(status).reasonPhrase();
    }

    public static void write(RoutingContext ctx, Problem problem) {
        ctx.response()
                .setStatusCode(problem.status())
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .end(Json.encode(problem.withInstance(ctx.normalizedPath())));
    }
}
