package org.smarttown.gateway;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Context;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/**
 * Real HTTP servers standing in for the services behind the gateway, one port per service name.
 * They record every request that reaches them and answer as a test asks (by path), echoing by default.
 */
public final class FakeServices {

    /** One request as a service received it. */
    public static final class Arrival {
        public final String service;
        public final String method;
        public final String path;
        public final String query;
        public final MultiMap headers;
        private final Buffer body = Buffer.buffer();
        /** Completes when the first body bytes arrive. */
        public final CompletableFuture<Void> firstBytes = new CompletableFuture<>();
        /** Completes when the whole request has arrived. */
        public final CompletableFuture<Void> ended = new CompletableFuture<>();

        Arrival(String service, HttpServerRequest request) {
            this.service = service;
            this.method = request.method().name();
            this.path = request.path();
            this.query = request.query();
            this.headers = MultiMap.caseInsensitiveMultiMap().addAll(request.headers());
        }

        public synchronized String body() {
            return body.toString();
        }

        public synchronized int bodyLength() {
            return body.length();
        }

        public String header(String name) {
            return headers.get(name);
        }

        synchronized void append(Buffer chunk) {
            body.appendBuffer(chunk);
        }
    }

    /** How a service answers once the request has arrived whole. */
    @FunctionalInterface
    public interface Answer {
        void answer(Arrival arrival, HttpServerResponse response);
    }

    private final Vertx vertx = Vertx.vertx();
    private final Map<String, HttpServer> servers = new ConcurrentHashMap<>();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Arrival> arrivals = new CopyOnWriteArrayList<>();

    /** Starts one server per name, each on a free port of 127.0.0.1. */
    public void start(String... names) {
        for (String name : names) {
            HttpServer server = vertx.createHttpServer()
                    .requestHandler(request -> handle(name, request))
                    .listen(0, "127.0.0.1")
                    .toCompletionStage().toCompletableFuture().join();
            servers.put(name, server);
        }
    }

    public int port(String name) {
        return servers.get(name).actualPort();
    }

    public void stop() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    /** A port where nothing listens (bound once to find it, then released). */
    public static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Requests to this exact path get this answer instead of the echo. */
    public void answer(String path, Answer answer) {
        answers.put(path, answer);
    }

    /** Everything that reached any service at this path. */
    public List<Arrival> arrivalsAt(String path) {
        return arrivals.stream().filter(arrival -> arrival.path.equals(path)).toList();
    }

    /** The one request that reached a service at this path, waiting briefly for it to arrive whole. */
    public Arrival arrivalAt(String path) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            List<Arrival> at = arrivalsAt(path);
            if (at.size() > 1) {
                throw new AssertionError(at.size() + " requests reached " + path + ", expected one");
            }
            if (at.size() == 1) {
                at.get(0).ended.orTimeout(5, TimeUnit.SECONDS).join();
                return at.get(0);
            }
            sleep(Duration.ofMillis(20));
        }
        throw new AssertionError("No request reached " + path);
    }

    private void handle(String service, HttpServerRequest request) {
        Arrival arrival = new Arrival(service, request);
        arrivals.add(arrival);
        request.handler(chunk -> {
            arrival.append(chunk);
            arrival.firstBytes.complete(null);
        });
        request.endHandler(v -> {
            arrival.ended.complete(null);
            answers.getOrDefault(arrival.path, FakeServices::echo).answer(arrival, request.response());
        });
    }

    /** 200 with what arrived, as JSON. */
    static void echo(Arrival arrival, HttpServerResponse response) {
        response.putHeader("Content-Type", "application/json").end(new JsonObject()
                .put("service", arrival.service)
                .put("method", arrival.method)
                .put("path", arrival.path)
                .put("query", arrival.query)
                .put("bodyLength", arrival.bodyLength())
                .encode());
    }

    /** A fixed answer. */
    public static Answer status(int status, Map<String, String> headers, String contentType, String body) {
        return (arrival, response) -> {
            response.setStatusCode(status);
            headers.forEach(response::putHeader);
            if (contentType != null) {
                response.putHeader("Content-Type", contentType);
            }
            response.end(body == null ? "" : body);
        };
    }

    /** The echo, after a pause. */
    public Answer after(Duration delay) {
        return (arrival, response) -> vertx.setTimer(delay.toMillis(), id -> {
            if (!response.closed()) {
                echo(arrival, response);
            }
        });
    }

    /**
     * A server-sent-events stream: the first event at once, the rest only after {@code release}
     * completes, a short pause between each; then the stream ends.
     */
    public static Answer eventStream(CompletableFuture<Void> release, String first, String... rest) {
        return (arrival, response) -> {
            Context context = Vertx.currentContext();
            response.setChunked(true)
                    .putHeader("Content-Type", "text/event-stream")
                    .putHeader("Cache-Control", "no-cache")
                    .write("data: " + first + "\n\n");
            release.thenRun(() -> context.runOnContext(v -> sendRest(context, response, List.of(rest))));
        };
    }

    /** A server-sent-events stream that opens (status and headers) and sends its events only after {@code release}. */
    public static Answer quietEventStream(CompletableFuture<Void> release, String... events) {
        return (arrival, response) -> {
            Context context = Vertx.currentContext();
            response.setChunked(true)
                    .putHeader("Content-Type", "text/event-stream")
                    .putHeader("Cache-Control", "no-cache")
                    .writeHead();
            release.thenRun(() -> context.runOnContext(v -> sendRest(context, response, List.of(events))));
        };
    }

    private static void sendRest(Context context, HttpServerResponse response, List<String> events) {
        if (events.isEmpty()) {
            response.end();
            return;
        }
        response.write("data: " + events.get(0) + "\n\n");
        context.owner().setTimer(100, id -> sendRest(context, response, events.subList(1, events.size())));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
