package org.smarttown.mentoring.partner;

import java.util.Set;

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
}
