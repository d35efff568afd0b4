package org.smarttown.auth;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Bearer tokens Quarkus has verified, with the identity it made of each. Verifying a JWT (parsing
 * it twice, checking its RS256 signature, building the identity) was about half of the gateway's
 * CPU per proxied request and nearly all of what it allocated, and about 40 % of a service's CPU on
 * a simple read (5 % of a booking), while callers send the same token for minutes. A remembered
 * token is looked up by its exact text, so a token differing in any byte (claims or signature) is
 * verified in full; none is trusted past its own {@code exp}. Each process has its own memory:
 * nothing verified by the gateway is taken on trust by a service.
 */
@ApplicationScoped
public class VerifiedTokens {

    private static final String BEARER = "Bearer ";

    /**
     * When the memory is full, expired tokens are swept out at most this often: a sweep walks every
     * entry, and sweeping at each new token would make a full memory cost more than verifying.
     */
    static final long SWEEP_INTERVAL_MILLIS = 1_000;

    private final int maxSize;
    private final long maxAgeMillis;
    private final LongSupplier clock;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final AtomicLong lastSweep;

    @Inject
    public VerifiedTokens(TokenCacheConfig config) {
        this(config.maxSize(), config.maxAge(), System::currentTimeMillis);
    }

    VerifiedTokens(int maxSize, Duration maxAge, LongSupplier clock) {
        this.maxSize = maxSize;
        this.maxAgeMillis = maxAge.toMillis();
        this.clock = clock;
        this.lastSweep = new AtomicLong(clock.getAsLong() - SWEEP_INTERVAL_MILLIS);
    }

    /**
     * The identity of the request's bearer token: the one remembered for this very token while it is
     * still trusted, else what {@code verify} (Quarkus' OIDC mechanism) makes of the request, which is
     * then remembered. A request without a bearer token goes to {@code verify} as it is.
     */
    public Uni<SecurityIdentity> authenticate(RoutingContext ctx, Supplier<Uni<SecurityIdentity>> verify) {
        String token = bearerToken(ctx);
        if (token == null) {
            return verify.get();
        }
        SecurityIdentity known = find(token, ctx);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return verify.get().invoke(identity -> remember(token, identity));
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
        if (clock.getAsLong() >= known.trustedUntil()) {
            verified.remove(token, known);
            return null;
        }
        // Bound to this request, as Quarkus binds the identity it makes (OidcUtils does the same).
        QuarkusSecurityIdentity.Builder bound = QuarkusSecurityIdentity.builder(known.identity())
                .addAttribute(RoutingContext.class.getName(), ctx);
        if (ctx != null) {
            bound.addAttribute(AuthenticationRequestContext.class.getName(),
                    ctx.get(AuthenticationRequestContext.class.getName()));
        }
        return bound.build();
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
        long now = clock.getAsLong();
        long trustedUntil = Math.min(jwt.getExpirationTime() * 1000, now + maxAgeMillis);
        if (trustedUntil <= now) {
            return;
        }
        if (verified.size() >= maxSize && !sweep(now)) {
            // Full of live tokens: this one is simply verified again next time.
            return;
        }
        verified.put(token, new Verified(detached(identity, jwt), trustedUntil));
    }

    /**
     * The identity without the request it was made for. Quarkus keeps that request among the
     * identity's attributes (and its permission checker holds the identity), so remembering the
     * identity itself would hold each token's first request, body included, for up to max-age. The
     * copy keeps the principal, roles, credentials and the other attributes, and grants the token's
     * scopes as permissions, as Quarkus OIDC does for a bearer token.
     */
    static SecurityIdentity detached(SecurityIdentity identity, JsonWebToken jwt) {
        Map<String, Object> attributes = new HashMap<>(identity.getAttributes());
        attributes.remove(RoutingContext.class.getName());
        attributes.remove(AuthenticationRequestContext.class.getName());
        QuarkusSecurityIdentity.Builder copy = QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addRoles(identity.getRoles())
                .addCredentials(identity.getCredentials())
                .addAttributes(attributes);
        if (jwt.getClaim("scope") instanceof String scope && !scope.isBlank()) {
            copy.addPermissionsAsString(new HashSet<>(Arrays.asList(scope.trim().split("\\s+"))));
        }
        return copy.build();
    }

    /** Drops expired tokens if no sweep ran within the interval; true when there is room now. */
    private boolean sweep(long now) {
        long last = lastSweep.get();
        if (now - last < SWEEP_INTERVAL_MILLIS || !lastSweep.compareAndSet(last, now)) {
            return false;
        }
        verified.values().removeIf(entry -> now >= entry.trustedUntil());
        return verified.size() < maxSize;
    }

    private record Verified(SecurityIdentity identity, long trustedUntil) {
    }
}
