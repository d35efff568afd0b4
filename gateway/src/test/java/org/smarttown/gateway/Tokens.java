package org.smarttown.gateway;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.util.Map;
import java.util.Set;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Signed tokens for the tests, issued by Quarkus' OIDC test server the way commons' TestTokens does
 * (the gateway does not take commons, not even its test-jar), plus the bad ones it must refuse.
 */
public final class Tokens {

    public static final String AUDIENCE = "smarttown-api";
    private static final String ISSUER = "https://server.example.com";

    private Tokens() {
    }

    public static String user(String userName, String... roles) {
        return OidcWiremockTestResource.generateJwtToken(userName, Set.of(roles), "user-" + userName, "Bearer",
                Set.of(AUDIENCE), Map.of());
    }

    /** A partner agency's client-credentials token, as Keycloak issues it for clients agency-a/agency-b. */
    public static String agency(String clientId) {
        return OidcWiremockTestResource.generateJwtToken("service-account-" + clientId, Set.of("agency-partner"),
                "client-" + clientId, "Bearer", Set.of(AUDIENCE), Map.of("azp", clientId, "agency_id", clientId));
    }

    public static String foreignAudience(String userName, String... roles) {
        return OidcWiremockTestResource.generateJwtToken(userName, Set.of(roles), "user-" + userName, "Bearer",
                Set.of("some-other-api"), Map.of());
    }

    /** Well signed, right audience, but it expired an hour ago. */
    public static String expired(String userName, String... roles) {
        long now = System.currentTimeMillis() / 1000;
        return claims(userName, roles).issuedAt(now - 7200).expiresAt(now - 3600)
                .jws().keyId("1").sign("privateKey.jwk");
    }

    /** Well signed, right audience, valid for only a few more seconds. */
    public static String expiringIn(long seconds, String userName, String... roles) {
        long now = System.currentTimeMillis() / 1000;
        return claims(userName, roles).issuedAt(now).expiresAt(now + seconds).jws().keyId("1").sign("privateKey.jwk");
    }

    /** The same claims as a valid token, with its signature replaced by another token's. */
    public static String withForeignSignature(String token, String signatureDonor) {
        return token.substring(0, token.lastIndexOf('.')) + signatureDonor.substring(signatureDonor.lastIndexOf('.'));
    }

    /** Claims that would pass, signed by a key the identity provider never published. */
    public static String signedByAStranger(String userName, String... roles) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            PrivateKey stranger = generator.generateKeyPair().getPrivate();
            return claims(userName, roles).jws().keyId("1").sign(stranger);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JwtClaimsBuilder claims(String userName, String... roles) {
        return Jwt.preferredUserName(userName).groups(Set.of(roles)).issuer(ISSUER).audience(AUDIENCE)
                .subject("user-" + userName).claim("typ", "Bearer");
    }
}
