package org.smarttown.mentoring.partner;

import java.util.List;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.security.OAuthFlow;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

/**
 * Keeps the OpenAPI document's security true once the partner scheme is declared. With one OAuth2
 * scheme in the document, SmallRye and Quarkus take it for every secured operation and write the
 * {@code @RolesAllowed} roles in as its scopes: partner operations would also "need" the scope
 * {@code agency-partner} (a realm role no client can ask for), and founders' and staff's operations
 * would name the partner scheme. This leaves the partner scheme the partner operations' scopes only,
 * and gives every other operation back to Quarkus' own scheme (people's tokens), with its roles.
 * Registered as {@code mp.openapi.filter}; it runs once, when the document is prepared at start.
 */
public class PartnerScopesFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        OAuthFlow flow = PartnerApi.clientCredentials(openAPI).orElse(null);
        if (flow == null) {
            return;
        }
        if (flow.getScopes() != null) {
            // The model hands out read-only views: it is changed through its own methods.
            List.copyOf(flow.getScopes().keySet()).stream().filter(name -> !PartnerApi.SCOPES.contains(name))
                    .forEach(flow::removeScope);
        }
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        String people = ConfigProvider.getConfig()
                .getOptionalValue("quarkus.smallrye-openapi.security-scheme-name", String.class).orElse("SecurityScheme");
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().values().forEach(operation -> {
            List<SecurityRequirement> security = operation.getSecurity();
            if (security == null) {
                return;
            }
            for (SecurityRequirement requirement : security) {
                List<String> scopes = requirement.getScheme(PartnerApi.SCHEME);
                if (scopes == null) {
                    continue;
                }
                if (path.startsWith(PartnerApi.PATH)) {
                    requirement.addScheme(PartnerApi.SCHEME, scopes.stream().filter(PartnerApi.SCOPES::contains).toList());
                } else {
                    requirement.removeScheme(PartnerApi.SCHEME);
                    requirement.addScheme(people, List.copyOf(scopes));
                }
            }
        }));
    }
}
