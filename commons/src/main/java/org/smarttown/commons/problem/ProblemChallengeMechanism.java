package org.smarttown.commons.problem;

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
 * Quarkus' OIDC bearer-token mechanism with one change: the 401 for a request that carries no token
 * has a problem+json body. Quarkus sends that challenge straight from its HTTP permission check
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
        return oidc.getChallenge(context).map(challenge -> {
            if (!context.response().headWritten()) {
                if (challenge == null) {
                    context.response().headers().set("WWW-Authenticate", "Bearer");
                } else {
                    challenge.getHeaders().forEach((name, value) -> context.response().headers().set(name, value));
                }
                if (challenge == null || challenge.status == 401) {
                    ProblemRoutes.write(context, ProblemRoutes.unauthorized());
                } else {
                    context.response().setStatusCode(challenge.status);
                }
            }
            return true;
        });
    }
}
