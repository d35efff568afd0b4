package org.smarttown.coworking.common;

import java.util.Set;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is calling. {@code name} is the token's preferred user name (Quarkus' principal name),
 * which is how a founder's token finds their membership.
 */
public record Caller(String name, Set<String> roles) {

    public static Caller of(SecurityIdentity identity) {
        return new Caller(identity.getPrincipal().getName(), identity.getRoles());
    }

    /** Space managers (and admins) see and change every booking; founders only their own. */
    public boolean manager() {
        return roles.contains("space-manager") || roles.contains("admin");
    }
}
