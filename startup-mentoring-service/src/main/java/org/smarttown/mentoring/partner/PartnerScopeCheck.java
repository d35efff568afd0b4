package org.smarttown.mentoring.partner;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ResourceInfo;

import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.smarttown.mentoring.common.Caller;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Checks a partner operation's scope before its body is read: the scope its OpenAPI security
 * requirement names is the one it enforces. Checked only inside the method, a token with read
 * scopes got a 400 for an invalid body, and a 403 only once the body was right: the caller
 * learnt what the operation expects before being told it may not call it. The methods still
 * check their scope themselves, as the second line.
 */
public class PartnerScopeCheck {

    @Inject
    SecurityIdentity identity;

    @ServerRequestFilter
    public void check(ResourceInfo resource) {
        SecurityRequirement requirement = resource.getResourceMethod() == null ? null
                : resource.getResourceMethod().getAnnotation(SecurityRequirement.class);
        if (requirement == null || !PartnerApi.SCHEME.equals(requirement.name()) || identity.isAnonymous()) {
            return;
        }
        Caller caller = Caller.of(identity);
        for (String scope : requirement.scopes()) {
            caller.requireScope(scope);
        }
    }
}
