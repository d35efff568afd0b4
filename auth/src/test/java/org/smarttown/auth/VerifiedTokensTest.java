package org.smarttown.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.StringPermission;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.vertx.ext.web.RoutingContext;

/** The memory of verified tokens, on a clock the test moves. */
class VerifiedTokensTest {

    final AtomicLong now = new AtomicLong(1_000_000);

    VerifiedTokens memory(int maxSize, Duration maxAge) {
        return new VerifiedTokens(maxSize, maxAge, now::get);
    }

    /** What Quarkus makes of a verified token: a JWT principal and the token as credential. */
    SecurityIdentity verified(String token, String user) {
        return QuarkusSecurityIdentity.builder().setPrincipal(jwt(user, null)).addCredential(new AccessTokenCredential(token))
                .build();
    }

    JsonWebToken jwt(String user, String scope) {
        long exp = now.get() / 1000 + 3600;
        return new JsonWebToken() {
            @Override
            public String getName() {
                return user;
            }

            @Override
            public Set<String> getClaimNames() {
                return Set.of("exp", "scope");
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String claim) {
                return (T) switch (claim) {
                    case "exp" -> Long.valueOf(exp);
                    case "scope" -> scope;
                    default -> null;
                };
            }
        };
    }

    void remember(VerifiedTokens memory, String token) {
        memory.remember(token, verified(token, "user-" + token));
    }

    @Test
    void aVerifiedTokenIsKnownUntilItsMaxAgeThenVerifiedAgain() {
        VerifiedTokens memory = memory(10, Duration.ofSeconds(60));
        remember(memory, "a");
        assertEquals("user-a", memory.find("a", null).getPrincipal().getName());
        now.addAndGet(59_999);
        assertNotNull(memory.find("a", null));
        now.addAndGet(1);
        assertNull(memory.find("a", null));
    }

    @Test
    void anIdentityMadeOfAnotherTokenIsNotRemembered() {
        VerifiedTokens memory = memory(10, Duration.ofSeconds(60));
        memory.remember("a", verified("b", "someone"));
        assertNull(memory.find("a", null));
    }

    @Test
    void aFullMemorySweepsExpiredTokensAtMostOnceASecond() {
        VerifiedTokens memory = memory(2, Duration.ofMillis(100));
        remember(memory, "a");
        remember(memory, "b");
        now.addAndGet(50);
        remember(memory, "c");
        assertNull(memory.find("c", null), "full of live tokens: c is verified again next time");

        now.addAndGet(150);
        remember(memory, "d");
        assertNull(memory.find("d", null), "a and b have expired, but the last sweep was 150 ms ago");

        now.addAndGet(VerifiedTokens.SWEEP_INTERVAL_MILLIS);
        remember(memory, "e");
        assertNotNull(memory.find("e", null), "the next sweep made room");
    }

    @Test
    void aRememberedIdentityKeepsItsRolesScopesAndAttributesButNotItsFirstRequest() {
        JsonWebToken jwt = jwt("agency-a", " mentors:read  sessions:read");
        SecurityIdentity made = QuarkusSecurityIdentity.builder()
                .setPrincipal(jwt)
                .addCredential(new AccessTokenCredential("a"))
                .addRole("agency-partner")
                .addAttribute("tenant-id", "Default")
                .addAttribute(RoutingContext.class.getName(), "the first request, body and all")
                .addAttribute(AuthenticationRequestContext.class.getName(), "its blocking executor")
                .build();

        SecurityIdentity stored = VerifiedTokens.detached(made, jwt);
        assertNull(stored.getAttribute(RoutingContext.class.getName()));
        assertNull(stored.getAttribute(AuthenticationRequestContext.class.getName()));

        VerifiedTokens memory = memory(10, Duration.ofSeconds(60));
        memory.remember("a", made);
        SecurityIdentity found = memory.find("a", null);
        assertEquals("agency-a", found.getPrincipal().getName());
        assertTrue(found.hasRole("agency-partner"));
        assertFalse(found.hasRole("admin"));
        assertEquals("a", found.getCredential(AccessTokenCredential.class).getToken());
        assertTrue(found.checkPermissionBlocking(new StringPermission("sessions", "read")));
        assertFalse(found.checkPermissionBlocking(new StringPermission("sessions", "write")));
        assertEquals("Default", found.getAttribute("tenant-id"));
        assertNull(found.getAttribute(AuthenticationRequestContext.class.getName()));
    }
}
