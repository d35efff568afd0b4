package org.smarttown.mentoring.partner;

import java.util.Optional;
import java.util.Set;

import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.security.OAuthFlow;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * How the partner API is secured, as its OpenAPI document states it: OAuth2 client credentials of
 * the agency's Keycloak client (the scheme is declared on {@link PartnerCatalogResource}: SmallRye
 * OpenAPI reads security schemes only on resource and Application classes), and on every operation
 * the one scope it needs, which {@code Caller#requireScope} enforces.
 */
public final class PartnerApi {

    /** The name operations use in their security requirement. */
    public static final String SCHEME = "partner";

    /** Where the partner API's operations live. */
    public static final String PATH = "/partner/";

    /** The scopes the realm offers agency clients (optional client scopes), one per kind of operation. */
    public static final Set<String> SCOPES = Set.of("mentors:read", "mentors:write", "sessions:read",
            "sessions:write", "webhooks:manage");

    private PartnerApi() {
    }

    /** The partner scheme's client-credentials flow in a document, for the OpenAPI filters to adjust. */
    static Optional<OAuthFlow> clientCredentials(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSecuritySchemes() == null) {
            return Optional.empty();
        }
        SecurityScheme scheme = openAPI.getComponents().getSecuritySchemes().get(SCHEME);
        return scheme == null || scheme.getFlows() == null ? Optional.empty()
                : Optional.ofNullable(scheme.getFlows().getClientCredentials());
    }
}
