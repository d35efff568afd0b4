package org.smarttown.gateway.proxy;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.smarttown.gateway.config.GatewayConfig;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;

/** The routing table, and the HTTP clients (one per event loop) with their connection pools. */
@ApplicationScoped
public class Upstreams {

    private final List<Upstream> all;
    private final Vertx vertx;
    private final HttpClientOptions options;
    private final PoolOptions pool;
    /** For callers off the event loops (health checks). */
    private final HttpClient client;
    private final Map<Thread, HttpClient> clientByEventLoop = new ConcurrentHashMap<>();
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
        this.vertx = vertx;
        // No idle timeout: a server-sent-events stream may stay quiet for minutes and must not be cut.
        this.options = new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setKeepAlive(true)
                .setDecompressionSupported(false);
        // Vert.x keeps 5 connections per server by default; each open event stream holds one.
        this.pool = new PoolOptions().setHttp1MaxSize(config.maxConnectionsPerService());
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

    /**
     * The client of the calling event loop. A client's connections are shared by whoever asks, and
     * each stays on the event loop that opened it: with one client for all, a request and its
     * service's answer kept crossing between event-loop threads (a task hand-over and a wake-up each
     * way). One client per event loop keeps every exchange on one thread.
     */
    HttpClient client() {
        if (!Context.isOnEventLoopThread()) {
            return client;
        }
        return clientByEventLoop.computeIfAbsent(Thread.currentThread(), loop -> vertx.createHttpClient(options, pool));
    }

    @PreDestroy
    void close() {
        client.close();
        clientByEventLoop.values().forEach(HttpClient::close);
    }
}
