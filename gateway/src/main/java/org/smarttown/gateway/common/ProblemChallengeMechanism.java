package org.smarttown.gateway.common;

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
 * Quarkus' OIDC mechanism (bearer tokens and, for pages, the code flow) with one change: on the API
 * paths a request without a token gets 401 with a problem+json body, never the sign-in redirect
 * meant for browsers. Quarkus sends that challenge straight from its HTTP permission check
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
