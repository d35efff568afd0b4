package org.smarttown.commons.problem;

import java.util.Set;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import org.smarttown.auth.VerifiedTokens;

import io.quarkus.oidc.runtime.OidcAuthenticationMechanism;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Quarkus' OIDC bearer-token mechanism with one change: the 401 for a request that carries no token
 * has a problem+json body. Quarkus sends that challenge straight from its HTTP permission check
 * (empty body, no failure for a failure handler to catch); a bad token, by contrast, fails the
 * request and {@link ProblemRoutes} answers it. Replacing the mechanism this way is the
 * customization Quarkus documents ("HttpAuthenticationMechanism Customization").
 * <p>
 * A bearer token it has verified before is not verified again while still valid ({@link VerifiedTokens}).
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class ProblemChallengeMechanism implements HttpAuthenticationMechanism {

    private final OidcAuthenticationMechanism oidc;
    private final VerifiedTokens verifiedTokens;

    public ProblemChallengeMechanism(OidcAuthenticationMechanism oidc, VerifiedTokens verifiedTokens) {
        this.oidc = oidc;
        this.verifiedTokens = verifiedTokens;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        return verifiedTokens.authenticate(context, () -> oidc.authenticate(context, identityProviderManager));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return oidc.getChallenge(context);
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

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return oidc.getCredentialTypes();
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return oidc.getCredentialTransport(context);
    }

    @Override
    public int getPriority() {
        return oidc.getPriority();
    }
}
