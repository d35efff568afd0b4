package org.smarttown.commons.testing;

import java.util.Map;
import java.util.Set;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.jwt.build.Jwt;

/**
 * Signed tokens for @QuarkusTest, issued by Quarkus' OIDC test server
 * ({@link OidcWiremockTestResource}), shaped like the ones Keycloak issues for the realm.
 */
public final class TestTokens {

    /** The audience every SmartTown token carries (Keycloak adds it with an audience mapper). */
    public static final String AUDIENCE = "smarttown-api";

    private TestTokens() {
    }

    /** A person's token: the subject is derived from the user name so that ids stay distinct. */
    public static String user(String userName, String... roles) {
        return OidcWiremockTestResource.generateJwtToken(userName, Set.of(roles), "user-" + userName, "Bearer",
                Set.of(AUDIENCE), Map.of());
    }

    /** A partner agency's client-credentials token with its agency_id claim. */
    public static String agency(String clientId, String agencyId) {
        return OidcWiremockTestResource.generateJwtToken("service-account-" + clientId, Set.of("agency-partner"),
                "client-" + clientId, "Bearer", Set.of(AUDIENCE), Map.of("agency_id", agencyId, "azp", clientId));
    }

    /** A token whose audience is not ours: it must be refused. */
    public static String foreignAudience(String userName, String... roles) {
        return OidcWiremockTestResource.generateJwtToken(userName, Set.of(roles), "user-" + userName, "Bearer",
                Set.of("some-other-api"), Map.of());
    }

    /** A person's token, signed by the test server's key, that expires at {@code expiresAt} (epoch seconds). */
    public static String expiringAt(long expiresAt, String userName, String... roles) {
        return Jwt.preferredUserName(userName).groups(Set.of(roles)).issuer("https://server.example.com")
                .audience(AUDIENCE).subject("user-" + userName).claim("typ", "Bearer")
                .issuedAt(expiresAt - 60).expiresAt(expiresAt).jws().keyId("1").sign("privateKey.jwk");
    }
}
