package org.smarttown.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

/** The memory of verified tokens, on a clock the test moves. */
class VerifiedTokensTest {

    final AtomicLong now = new AtomicLong(1_000_000);

    VerifiedTokens memory(int maxSize, Duration maxAge) {
        return new VerifiedTokens(maxSize, maxAge, now::get);
    }

    /** What Quarkus makes of a verified token: a JWT principal and the token as credential. */
    SecurityIdentity verified(String token, String user) {
        long exp = now.get() / 1000 + 3600;
        JsonWebToken jwt = new JsonWebToken() {
            @Override
            public String getName() {
                return user;
            }

            @Override
            public Set<String> getClaimNames() {
                return Set.of("exp");
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String claim) {
                return "exp".equals(claim) ? (T) Long.valueOf(exp) : null;
            }
        };
        return QuarkusSecurityIdentity.builder().setPrincipal(jwt).addCredential(new AccessTokenCredential(token))
                .build();
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
}
