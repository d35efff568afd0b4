package org.smarttown.gateway.proxy;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.smarttown.gateway.config.GatewayConfig;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Installs one Vert.x route per configured path prefix that forwards to its service.
 * <p>
 * These routes run after Quarkus' security handlers (which sit at negative route orders), so a
 * request reaches them only once the HTTP permissions in application.properties let it through:
 * a request without a valid token is answered 401 and never touches a service.
 */
@ApplicationScoped
public class GatewayProxy {

    private static final Logger LOG = Logger.getLogger(GatewayProxy.class);
    private static final String REQUEST_ID_KEY = "smarttown.request-id";
    /** The request-context key Quarkus' HTTP metrics read a route template from. */
    private static final String URL_PATH_TEMPLATE = "UrlPathTemplate";

    private final Vertx vertx;
    private final Upstreams upstreams;
    private final long maxBodySize;

    public GatewayProxy(Vertx vertx, Upstreams upstreams, GatewayConfig config) {
        this.vertx = vertx;
        this.upstreams = upstreams;
        this.maxBodySize = config.maxBodySize().asLongValue();
    }

    void install(@Observes Router router) {
        warnIfQuarkusLimitIsLower();
        // Before authentication, so that a 401 carries the request id too.
        router.route().order(Integer.MIN_VALUE).handler(this::assignRequestId);
        // Longest prefix first: Vert.x takes the first route that matches.
        for (Map.Entry<String, Upstream> route : upstreams.byPrefix()) {
            String prefix = route.getKey();
            Upstream upstream = route.getValue();
            router.route(prefix).handler(ctx -> forward(ctx, upstream, prefix));
            router.route(prefix + "/*").handler(ctx -> forward(ctx, upstream, prefix + "/*"));
            LOG.debugf("Routing %s to %s at %s:%d", prefix, upstream.name(), upstream.host(), upstream.port());
        }
    }

    private void assignRequestId(RoutingContext ctx) {
        String id = ProxyHeaders.requestId(ctx.request().getHeader(ProxyHeaders.REQUEST_ID));
        ctx.put(REQUEST_ID_KEY, id);
        // Every log line written while serving this request carries its id (%X{requestId} in the format).
        MDC.put("requestId", id);
        ctx.response().putHeader(ProxyHeaders.REQUEST_ID, id);
        ctx.next();
    }

    private void forward(RoutingContext ctx, Upstream upstream, String template) {
        // Quarkus' HTTP metrics (and traces) name a request by this template when one is set, and by
        // its full path otherwise: ids in paths would make an unbounded number of series.
        Vertx.currentContext().putLocal(URL_PATH_TEMPLATE, template);
        new ProxyExchange(vertx, upstreams.client(), upstream, upstreams.breaker(upstream), ctx, maxBodySize,
                ctx.get(REQUEST_ID_KEY)).start();
    }

    /**
     * Quarkus refuses a declared body over quarkus.http.limits.max-body-size itself, with an empty
     * 413, before this route runs; it must stay above the gateway's limit for callers to get problem+json.
     */
    private void warnIfQuarkusLimitIsLower() {
        ConfigProvider.getConfig().getOptionalValue("quarkus.http.limits.max-body-size", MemorySize.class)
                .filter(quarkusLimit -> quarkusLimit.asLongValue() <= maxBodySize)
                .ifPresent(quarkusLimit -> LOG.warnf("quarkus.http.limits.max-body-size (%d bytes) is not above "
                        + "smarttown.gateway.max-body-size (%d bytes): oversized bodies will get an empty 413",
                        quarkusLimit.asLongValue(), maxBodySize));
    }
}
