package org.smarttown.mentoring.partner;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Points the partner scheme's token URL at the realm this instance trusts. The annotation on
 * {@link PartnerCatalogResource} can only hold a constant (the local suite's Keycloak); integrators
 * reading a deployment's document must be sent to that deployment's realm, which is known only when
 * the service starts ({@code quarkus.oidc.auth-server-url}).
 */
@OpenApiFilter(OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class PartnerTokenUrlFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSecuritySchemes() == null) {
            return;
        }
        SecurityScheme scheme = openAPI.getComponents().getSecuritySchemes().get(PartnerApi.SCHEME);
        if (scheme == null || scheme.getFlows() == null || scheme.getFlows().getClientCredentials() == null) {
            return;
        }
        ConfigProvider.getConfig().getOptionalValue("quarkus.oidc.auth-server-url", String.class)
                .map(realm -> realm.replaceAll("/+$", "") + "/protocol/openid-connect/token")
                .ifPresent(scheme.getFlows().getClientCredentials()::setTokenUrl);
    }
}
