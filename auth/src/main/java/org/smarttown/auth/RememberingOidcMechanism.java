package org.smarttown.auth;

import java.util.Set;

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
 * Quarkus' OIDC mechanism, except that a bearer token it has verified before is not verified again
 * while still valid ({@link VerifiedTokens}). The gateway and the services extend it, each with its
 * own answer to a request that carries no token ({@link #sendChallenge}), and replace Quarkus' own
 * mechanism with it as Quarkus documents ("HttpAuthenticationMechanism Customization").
 */
public abstract class RememberingOidcMechanism implements HttpAuthenticationMechanism {

    protected final OidcAuthenticationMechanism oidc;
    private final VerifiedTokens verifiedTokens;

    protected RememberingOidcMechanism(OidcAuthenticationMechanism oidc, VerifiedTokens verifiedTokens) {
        this.oidc = oidc;
        this.verifiedTokens = verifiedTokens;
    }

    /** For the client proxy of an application-scoped subclass only; it never authenticates anything. */
    protected RememberingOidcMechanism() {
        this(null, null);
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
