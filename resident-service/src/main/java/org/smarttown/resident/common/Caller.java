package org.smarttown.resident.common;

import java.util.Set;

import io.quarkus.security.identity.SecurityIdentity;

/** Who is calling, as the services need it for object-level checks and the access log. */
public record Caller(String name, Set<String> roles) {

    public static Caller of(SecurityIdentity identity) {
        return new Caller(identity.getPrincipal().getName(), identity.getRoles());
    }

    /** A care worker without a wider role sees only the residents assigned to them. */
    public boolean limitedToOwnResidents() {
        return roles.contains("care-worker")
                && !roles.contains("care-supervisor") && !roles.contains("welfare-staff") && !roles.contains("admin");
    }
}
