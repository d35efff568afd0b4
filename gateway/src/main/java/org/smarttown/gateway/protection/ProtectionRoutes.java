package org.smarttown.gateway.protection;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.smarttown.gateway.common.Problem;
import org.smarttown.gateway.common.ProblemRoutes;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Per-caller rate limits on the APIs, and the access log of partner API calls. Runs after Quarkus'
 * token check (route orders -200 and -100) and before the proxy, so the caller is known and a
 * refused request never reaches a service.
 */
@ApplicationScoped
public class ProtectionRoutes {

    /** Its own category, so operators can send partner calls to their own file or system. */
    private static final Logger PARTNER_ACCESS = Logger.getLogger("smarttown.partner.access");
    private static final int ORDER = -50;

    private final RateLimiter limiter;
    private final Vertx vertx;

    public ProtectionRoutes(RateLimiter limiter, Vertx vertx) {
        this.limiter = limiter;
        this.vertx = vertx;
    }

    void install(@Observes Router router) {
        router.route("/api/*").order(ORDER).handler(this::protect);
        router.route("/partner/*").order(ORDER).handler(ctx -> {
            logPartnerCall(ctx);
            protect(ctx);
        });
        vertx.setPeriodic(Duration.ofMinutes(1).toMillis(), tick -> limiter.evictIdle());
    }

    private void protect(RoutingContext ctx) {
        SecurityIdentity identity = identity(ctx);
        if (identity == null || identity.isAnonymous()) {
            // Unauthenticated requests never get here on these paths; nothing to count.
            ctx.next();
            return;
        }
        String clientId = clientId(identity);
        String kind = identity.hasRole("agency-partner") ? "partner" : identity.hasRole("device-hub") ? "device" : "user";
        String caller = "partner".equals(kind) || "device".equals(kind) ? "client:" + clientId
                : "user:" + subject(identity);
        long retryAfter = limiter.acquire(caller, limiter.tierOf(clientId, kind));
        if (retryAfter > 0) {
            ctx.response().putHeader("Retry-After", Long.toString(retryAfter));
            ProblemRoutes.write(ctx, Problem.of("rate-limited", "Too Many Requests", 429,
                    "Too many requests; try again in " + retryAfter + " s"));
            return;
        }
        ctx.next();
    }

    private void logPartnerCall(RoutingContext ctx) {
        long started = System.nanoTime();
        ctx.addEndHandler(done -> {
            SecurityIdentity identity = identity(ctx);
            String client = identity == null || identity.isAnonymous() ? "-" : clientId(identity);
            String agency = identity == null || identity.isAnonymous() ? "-"
                    : String.valueOf(claim(identity, "agency_id"));
            PARTNER_ACCESS.infof("client=%s agency=%s %s %s status=%d ms=%d", client, agency, ctx.request().method(),
                    ctx.normalizedPath(), ctx.response().getStatusCode(), (System.nanoTime() - started) / 1_000_000);
        });
    }

    private static SecurityIdentity identity(RoutingContext ctx) {
        return ctx.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity() : null;
    }

    private static String clientId(SecurityIdentity identity) {
        Object azp = claim(identity, "azp");
        return azp != null ? azp.toString() : String.valueOf(claim(identity, "client_id"));
    }

    private static String subject(SecurityIdentity identity) {
        Object sub = claim(identity, "sub");
        return sub != null ? sub.toString() : identity.getPrincipal().getName();
    }

    private static Object claim(SecurityIdentity identity, String name) {
        return identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getClaim(name) : null;
    }
}
