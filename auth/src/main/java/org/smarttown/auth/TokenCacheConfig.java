package org.smarttown.auth;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Bearer tokens already verified, so that a caller's next requests skip the signature check. A token
 * is remembered only once Quarkus has verified it in full (signature, expiry, issuer, audience), by
 * its exact text; it is trusted again until it expires or {@code max-age} has passed, whichever comes
 * first. Tokens that failed are never remembered.
 */
@ConfigMapping(prefix = "smarttown.token-cache")
public interface TokenCacheConfig {

    /** Tokens remembered at most (about 5 KB each); 0 verifies every request in full. */
    @WithDefault("1000")
    int maxSize();

    /**
     * How long a verified token is trusted without a new check: bounds how long a token signed by a
     * key the identity provider has since withdrawn still passes.
     */
    @WithDefault("60s")
    Duration maxAge();
}
