package org.smarttown.mentoring.common;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.smarttown.commons.problem.Forbidden;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is calling. For a partner, the agency comes from the token's {@code agency_id} claim and
 * nowhere else, so no request can act for another agency.
 */
public record Caller(String name, Set<String> roles, String agencyId, Set<String> scopes) {

    public static Caller of(SecurityIdentity identity) {
        String agency = null;
        Set<String> scopes = Set.of();
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object claim = jwt.getClaim("agency_id");
            agency = claim == null ? null : claim.toString().replace("\"", "");
            Object scope = jwt.getClaim("scope");
            if (scope != null) {
                scopes = Arrays.stream(scope.toString().replace("\"", "").split(" "))
                        .filter(s -> !s.isBlank()).collect(Collectors.toUnmodifiableSet());
            }
        }
        return new Caller(identity.getPrincipal().getName(), identity.getRoles(), agency, scopes);
    }

    public boolean isAgency() {
        return roles.contains("agency-partner");
    }

    public boolean isFounder() {
        return roles.contains("founder");
    }

    public boolean isAdmin() {
        return roles.contains("admin");
    }

    /** The caller's agency; a partner token without the claim is refused rather than trusted. */
    public String agency() {
        if (agencyId == null || agencyId.isBlank()) {
            throw new Forbidden("The token carries no agency_id");
        }
        return agencyId;
    }

    /**
     * Refuses an operation the token's scopes do not allow. The realm defines the partner scopes as
     * optional client scopes, so a token carries only what its client asked for ({@code scope=...}).
     */
    public Caller requireScope(String scope) {
        if (!scopes.contains(scope)) {
            throw new MissingScope(scope);
        }
        return this;
    }

    /** How changes by this caller are recorded. */
    public String kind() {
        return isAgency() ? "AGENCY" : isAdmin() ? "ADMIN" : "FOUNDER";
    }

    /** The name written into a session's history: an agency is recorded by its id. */
    public String actor() {
        return isAgency() ? "agency:" + agency() : name;
    }
}
