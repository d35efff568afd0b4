package org.smarttown.mentoring.partner;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

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
        PartnerApi.clientCredentials(openAPI).ifPresent(flow -> ConfigProvider.getConfig()
                .getOptionalValue("quarkus.oidc.auth-server-url", String.class)
                .map(realm -> realm.replaceAll("/+$", "") + "/protocol/openid-connect/token")
                .ifPresent(flow::setTokenUrl));
    }
}
