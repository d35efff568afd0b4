package org.smarttown.gateway.common;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.smarttown.gateway.config.GatewayConfig;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Bearer tokens Quarkus has verified, with the identity it made of each. Verifying a JWT (parsing
 * it twice, checking its RS256 signature, building the identity) was about half of the gateway's
 * CPU per proxied request and nearly all of what it allocated, while callers send the same token
 * for minutes. A remembered token is looked up by its exact text, so a token differing in any
 * byte (claims or signature) is verified in full; none is trusted past its own {@code exp}.
 */
@ApplicationScoped
public class VerifiedTokens {

    private static final String BEARER = "Bearer ";

    private final int maxSize;
    private final long maxAgeMillis;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    public VerifiedTokens(GatewayConfig config) {
        this.maxSize = config.tokenCache().maxSize();
        this.maxAgeMillis = config.tokenCache().maxAge().toMillis();
    }

    /** The bearer token of a request, or null when it carries none (a person's session, or nobody). */
    String bearerToken(RoutingContext ctx) {
        if (maxSize <= 0) {
            return null;
        }
        String header = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String token = header.substring(BEARER.length()).trim();
        return token.isEmpty() ? null : token;
    }

    /** The identity of a token verified before and still valid, bound to this request; else null. */
    SecurityIdentity find(String token, RoutingContext ctx) {
        Verified known = verified.get(token);
        if (known == null) {
            return null;
        }
        if (System.currentTimeMillis() >= known.trustedUntil()) {
            verified.remove(token, known);
            return null;
        }
        // Quarkus keeps the request an identity was made for among its attributes; this one's is gone.
        return QuarkusSecurityIdentity.builder(known.identity()).addAttribute(RoutingContext.class.getName(), ctx)
                .build();
    }

    /** Remembers the identity Quarkus made of this very token; anything else is left alone. */
    void remember(String token, SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return;
        }
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        if (credential == null || !token.equals(credential.getToken())) {
            return;
        }
        long now = System.currentTimeMillis();
        long trustedUntil = Math.min(jwt.getExpirationTime() * 1000, now + maxAgeMillis);
        if (trustedUntil <= now) {
            return;
        }
        if (verified.size() >= maxSize) {
            verified.values().removeIf(entry -> now >= entry.trustedUntil());
            if (verified.size() >= maxSize) {
                // Full of live tokens: this one is simply verified again next time.
                return;
            }
        }
        verified.put(token, new Verified(identity, trustedUntil));
    }

    private record Verified(SecurityIdentity identity, long trustedUntil) {
    }
}
