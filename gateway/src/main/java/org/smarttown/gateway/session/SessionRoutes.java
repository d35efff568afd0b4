package org.smarttown.gateway.session;

import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /api/me}: who the caller is (user name, display name, roles), so the web apps can show
 * only what the signed-in role may do without reading the HttpOnly session cookie. It says nothing
 * a caller's own token does not already say, and it is not a permission check: every API call is
 * still checked by the gateway and again by the service.
 */
@ApplicationScoped
public class SessionRoutes {

    static final String PATH = "/api/me";

    void install(@Observes Router router) {
        // After Quarkus' security handlers (negative orders): only an authenticated caller gets here,
        // anyone else has already had the API's 401.
        router.get(PATH).handler(this::me);
    }

    private void me(RoutingContext ctx) {
        if (!(ctx.user() instanceof QuarkusHttpUser user) || user.getSecurityIdentity().isAnonymous()) {
            ctx.fail(401);
            return;
        }
        SecurityIdentity identity = user.getSecurityIdentity();
        JsonObject body = new JsonObject()
                .put("username", identity.getPrincipal().getName())
                .put("roles", new JsonArray(new TreeSet<>(identity.getRoles()).stream().toList()));
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            String preferred = jwt.getClaim("preferred_username");
            String name = jwt.getClaim("name");
            if (preferred != null) {
                body.put("username", preferred);
            }
            body.put("name", name != null ? name : body.getString("username"));
        } else {
            body.put("name", body.getString("username"));
        }
        ctx.response().putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-store")
                .end(body.encode());
    }
}
