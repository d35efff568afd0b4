package org.smarttown.care.common;

import io.quarkus.security.identity.SecurityIdentity;

/** Who is acting, as the resource knows them: their user name and whether they supervise. */
public record Actor(String name, boolean supervisor) {

    public static Actor of(SecurityIdentity identity) {
        return new Actor(identity.getPrincipal().getName(), identity.hasRole("care-supervisor"));
    }
}
