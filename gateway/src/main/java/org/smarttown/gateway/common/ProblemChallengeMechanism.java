package org.smarttown.gateway.common;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;

import org.smarttown.auth.RememberingOidcMechanism;
import org.smarttown.auth.VerifiedTokens;

import io.quarkus.oidc.runtime.OidcAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Quarkus' OIDC mechanism (bearer tokens and, for pages, the code flow) with one change: on the API
 * paths a request without a token gets 401 with a problem+json body, never the sign-in redirect
 * meant for browsers. Quarkus sends that challenge straight from its HTTP permission check
 * (empty body, no failure for a failure handler to catch); a bad token, by contrast, fails the
 * request and {@link ProblemRoutes} answers it. Replacing the mechanism this way is the
 * customization Quarkus documents ("HttpAuthenticationMechanism Customization").
 * <p>
 * It remembers the bearer tokens it has verified ({@link RememberingOidcMechanism}).
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class ProblemChallengeMechanism extends RememberingOidcMechanism {

    @Inject
    public ProblemChallengeMechanism(OidcAuthenticationMechanism oidc, VerifiedTokens verifiedTokens) {
        super(oidc, verifiedTokens);
    }

    /** For Quarkus' client proxy (a normal-scoped bean needs a no-args constructor). */
    ProblemChallengeMechanism() {
    }

    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        if (!isApi(context)) {
            // Pages: the code flow's redirect to Keycloak's sign-in.
            return oidc.sendChallenge(context);
        }
        // An API caller never gets the sign-in redirect meant for browsers (nor its state cookie).
        return Uni.createFrom().item(() -> {
            if (!context.response().headWritten()) {
                context.response().headers().set("WWW-Authenticate", "Bearer");
                ProblemRoutes.write(context, Problem.unauthorized());
            }
            return true;
        });
    }

    private static boolean isApi(RoutingContext context) {
        String path = context.normalizedPath();
        return path.startsWith("/api/") || path.equals("/api") || path.startsWith("/partner/") || path.equals("/partner");
    }
}
