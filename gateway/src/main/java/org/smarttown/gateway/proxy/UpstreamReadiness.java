package org.smarttown.gateway.proxy;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * Reports, as data, whether each service answers its own readiness probe.
 * <p>
 * The check itself is always UP: a gateway that went unready whenever one service is down would be
 * taken out of the load balancer and cut off the three services that still work. Each service has
 * its own probes; this is for people reading /q/health/ready.
 */
@Readiness
@ApplicationScoped
public class UpstreamReadiness implements AsyncHealthCheck {

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    private final Upstreams upstreams;

    public UpstreamReadiness(Upstreams upstreams) {
        this.upstreams = upstreams;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        List<Uni<String[]>> probes = upstreams.all().stream()
                .map(upstream -> probe(upstream).map(state -> new String[] { upstream.name(), state }))
                .toList();
        if (probes.isEmpty()) {
            return Uni.createFrom().item(HealthCheckResponse.up("upstreams"));
        }
        return Uni.join().all(probes).andFailFast().map(states -> {
            HealthCheckResponseBuilder response = HealthCheckResponse.named("upstreams").up();
            states.forEach(state -> response.withData(state[0], state[1]));
            return response.build();
        });
    }

    private Uni<String> probe(Upstream upstream) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setHost(upstream.host())
                .setPort(upstream.port())
                .setSsl(upstream.ssl())
                .setURI(upstream.target("/q/health/ready", null))
                .setConnectTimeout(PROBE_TIMEOUT.toMillis())
                .setIdleTimeout(PROBE_TIMEOUT.toMillis());
        return Uni.createFrom().completionStage(() -> upstreams.client().request(options)
                .compose(request -> request.send())
                // Read the body so the connection goes back to the pool.
                .compose(response -> response.body().map(body -> response.statusCode()))
                .toCompletionStage())
                .map(status -> status == 200 ? "UP" : "DOWN (" + status + ")")
                .ifNoItem().after(PROBE_TIMEOUT).recoverWithItem("no answer within " + PROBE_TIMEOUT.toSeconds() + "s")
                .onFailure().recoverWithItem("unreachable");
    }
}
