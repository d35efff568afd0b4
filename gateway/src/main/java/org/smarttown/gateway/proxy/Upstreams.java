package org.smarttown.gateway.proxy;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.smarttown.gateway.config.GatewayConfig;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;

/** The routing table and the one HTTP client, with its connection pools, that every route shares. */
@ApplicationScoped
public class Upstreams {

    private final List<Upstream> all;
    private final HttpClient client;
    private final Map<String, CircuitBreaker> breakers;

    public Upstreams(GatewayConfig config, Vertx vertx) {
        this.all = config.routes().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(route -> Upstream.of(route.getKey(), route.getValue()))
                .toList();
        List<String> prefixes = all.stream().flatMap(upstream -> upstream.prefixes().stream()).toList();
        if (prefixes.size() != Set.copyOf(prefixes).size()) {
            throw new IllegalArgumentException("Two smarttown.gateway.routes claim the same prefix: " + prefixes);
        }
        // No idle timeout: a server-sent-events stream may stay quiet for minutes and must not be cut.
        HttpClientOptions options = new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setKeepAlive(true)
                .setDecompressionSupported(false);
        // Vert.x keeps 5 connections per server by default; each open event stream holds one.
        PoolOptions pool = new PoolOptions().setHttp1MaxSize(config.maxConnectionsPerService());
        this.client = vertx.createHttpClient(options, pool);
        GatewayConfig.CircuitBreaker breaker = config.circuitBreaker();
        this.breakers = all.stream().collect(java.util.stream.Collectors.toUnmodifiableMap(Upstream::name,
                upstream -> new CircuitBreaker(breaker.failureThreshold(), breaker.openFor())));
    }

    CircuitBreaker breaker(Upstream upstream) {
        return breakers.get(upstream.name());
    }

    List<Upstream> all() {
        return all;
    }

    /** Every (prefix, service) pair, longest prefix first, so that a more specific prefix wins. */
    List<Map.Entry<String, Upstream>> byPrefix() {
        return all.stream()
                .flatMap(upstream -> upstream.prefixes().stream().map(prefix -> Map.entry(prefix, upstream)))
                .sorted(Comparator.comparingInt((Map.Entry<String, Upstream> e) -> e.getKey().length()).reversed())
                .toList();
    }

    HttpClient client() {
        return client;
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
