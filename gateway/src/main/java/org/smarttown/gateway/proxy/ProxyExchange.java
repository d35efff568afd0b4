package org.smarttown.gateway.proxy;

import org.jboss.logging.Logger;
import org.smarttown.gateway.common.Problem;
import org.smarttown.gateway.common.ProblemRoutes;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.AsyncResult;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;

/**
 * One request on its way through the gateway to a service and back. Bodies are never held: the
 * caller's body is written to the service chunk by chunk as it arrives (pausing the caller when the
 * service reads slower), and the service's answer is piped back the same way, which is what lets
 * server-sent events through one by one.
 * <p>
 * Every callback runs on the caller's event loop (the client and the timers take the context they
 * are called from), so the state below needs no locking.
 */
final class ProxyExchange {

    private static final Logger LOG = Logger.getLogger(ProxyExchange.class);

    /** How long a caller that got an early answer may keep sending the body we will not read. */
    private static final long DRAIN_GRACE_MILLIS = 10_000;

    private final Vertx vertx;
    private final HttpClient client;
    private final Upstream upstream;
    private final CircuitBreaker breaker;
    private final RoutingContext ctx;
    private final HttpServerRequest in;
    private final HttpServerResponse out;
    private final long maxBodySize;
    private final String requestId;

    private HttpClientRequest outbound;
    private long received;
    private long timer = -1;
    /** True once the caller has its answer, the service's or the gateway's; later events change nothing. */
    private boolean answered;

    ProxyExchange(Vertx vertx, HttpClient client, Upstream upstream, CircuitBreaker breaker, RoutingContext ctx,
            long maxBodySize, String requestId) {
        this.vertx = vertx;
        this.client = client;
        this.upstream = upstream;
        this.breaker = breaker;
        this.ctx = ctx;
        this.in = ctx.request();
        this.out = ctx.response();
        this.maxBodySize = maxBodySize;
        this.requestId = requestId;
    }

    void start() {
        Long declared = declaredLength();
        if (declared == null) {
            answerWithProblem(Problem.of("bad-request", "Bad Request", 400, "The Content-Length header is not a number"));
            return;
        }
        if (declared > maxBodySize) {
            answerWithProblem(tooLarge());
            return;
        }
        long retryAfter = breaker.allow(System.nanoTime());
        if (retryAfter > 0) {
            out.putHeader("Retry-After", Long.toString(retryAfter));
            answerWithProblem(Problem.of("service-unavailable", "Service Unavailable", 503,
                    "The " + upstream.name() + " service is failing; the gateway pauses requests to it"));
            return;
        }
        // Hold the body until the service is connected; Quarkus pauses requests too, this just says so.
        in.pause();
        timer = vertx.setTimer(upstream.timeout().toMillis(), id -> timedOut());
        out.closeHandler(v -> callerLeft());
        RequestOptions options = new RequestOptions()
                .setMethod(in.method())
                .setHost(upstream.host())
                .setPort(upstream.port())
                .setSsl(upstream.ssl())
                // The normalized path is the one routing and the permission check judged; the raw
                // one ("/api/care/../residents") could mean something else to the service.
                .setURI(upstream.target(ctx.normalizedPath(), in.query()));
        client.request(options).onComplete(ar -> {
            if (ar.failed()) {
                unreachable(ar.cause());
            } else if (answered) {
                ar.result().reset();
            } else {
                outbound = ar.result();
                send();
            }
        });
    }

    private void send() {
        ProxyHeaders.copyEndToEnd(in.headers(), outbound.headers(), ProxyHeaders.NOT_FORWARDED);
        relaySessionToken();
        outbound.putHeader(ProxyHeaders.REQUEST_ID, requestId);
        outbound.putHeader(ProxyHeaders.FORWARDED_FOR,
                ProxyHeaders.forwardedFor(in.getHeader(ProxyHeaders.FORWARDED_FOR), in.remoteAddress()));
        outbound.putHeader(ProxyHeaders.FORWARDED_PROTO, in.scheme());
        HostAndPort authority = in.authority();
        if (authority != null) {
            outbound.putHeader(ProxyHeaders.FORWARDED_HOST,
                    authority.port() >= 0 ? authority.host() + ":" + authority.port() : authority.host());
        }
        outbound.response().onComplete(this::relay);
        // Failures of the exchange surface through response(); this only keeps them out of the log as "unhandled".
        outbound.exceptionHandler(e -> LOG.debugf("Request %s to %s failed: %s", requestId, upstream.name(), e));
        if (in.headers().contains(HttpHeaders.EXPECT, HttpHeaders.CONTINUE, true)) {
            out.writeContinue();
        }
        if (in.isEnded()) {
            outbound.end();
            return;
        }
        in.exceptionHandler(e -> callerLeft());
        in.handler(this::forward);
        in.endHandler(v -> outbound.end());
        in.resume();
    }

    /**
     * A person signed in to a web app calls the APIs with the session cookie: the service gets the
     * session's access token as a bearer token (refreshed by Quarkus when due), never the cookie.
     */
    private void relaySessionToken() {
        String cookies = ProxyHeaders.withoutSessionCookies(in.getHeader(HttpHeaders.COOKIE));
        outbound.headers().remove(HttpHeaders.COOKIE);
        if (cookies != null) {
            outbound.putHeader(HttpHeaders.COOKIE, cookies);
        }
        if (in.getHeader(HttpHeaders.AUTHORIZATION) != null || !(ctx.user() instanceof QuarkusHttpUser user)) {
            return;
        }
        AccessTokenCredential token = user.getSecurityIdentity().getCredential(AccessTokenCredential.class);
        if (token != null) {
            outbound.putHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token.getToken());
        }
    }

    private void forward(Buffer chunk) {
        received += chunk.length();
        if (received > maxBodySize) {
            bodyTooLarge();
            return;
        }
        // The head goes out with the first chunk, so it is not too late to choose chunked framing
        // for a caller that sent no Content-Length.
        if (!outbound.isChunked() && !outbound.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
            outbound.setChunked(true);
        }
        outbound.write(chunk);
        if (outbound.writeQueueFull()) {
            in.pause();
            outbound.drainHandler(v -> in.resume());
        }
    }

    private void relay(AsyncResult<HttpClientResponse> result) {
        if (result.failed()) {
            unreachable(result.cause());
            return;
        }
        if (answered) {
            outbound.reset();
            return;
        }
        answered = true;
        cancelTimer();
        breaker.succeeded();
        HttpClientResponse response = result.result();
        out.setStatusCode(response.statusCode());
        if (response.statusMessage() != null) {
            out.setStatusMessage(response.statusMessage());
        }
        // The gateway's request id is already on the response; a service's echo of it would only duplicate it.
        ProxyHeaders.copyEndToEnd(response.headers(), out.headers(), ProxyHeaders.NOT_RETURNED);
        if (!out.headers().contains(HttpHeaders.CONTENT_LENGTH) && mayHaveBody(response.statusCode())) {
            out.setChunked(true);
        }
        String type = response.getHeader(HttpHeaders.CONTENT_TYPE);
        if (type != null && type.startsWith("text/event-stream")) {
            // Vert.x would hold the head back until the first chunk; an event stream may stay quiet for
            // long, and a browser's EventSource only reports it open once the head arrives.
            out.writeHead();
        }
        response.pipe()
                // A service that breaks off mid-answer must not look like a complete answer to the caller.
                .endOnFailure(false)
                .to(out)
                .onFailure(e -> {
                    LOG.debugf("Answer to %s from %s broke off: %s", requestId, upstream.name(), e);
                    outbound.reset();
                    out.reset();
                });
    }

    private void bodyTooLarge() {
        if (answered) {
            // The service answered before the body was complete; all we can do is stop the upload.
            outbound.reset();
            cutUpload();
        } else {
            answerWithProblem(tooLarge());
        }
    }

    private void timedOut() {
        timer = -1;
        if (answered) {
            return;
        }
        LOG.warnf("%s service did not answer request %s within %s", upstream.name(), requestId, upstream.timeout());
        breaker.failed(System.nanoTime());
        answerWithProblem(Problem.of("gateway-timeout", "Gateway Timeout", 504,
                "The " + upstream.name() + " service did not answer in time"));
    }

    private void unreachable(Throwable cause) {
        if (answered) {
            return;
        }
        // The cause names the service's address: it goes to the log, never to the caller.
        LOG.warnf("%s service unreachable for request %s: %s", upstream.name(), requestId, cause.toString());
        breaker.failed(System.nanoTime());
        answerWithProblem(Problem.of("bad-gateway", "Bad Gateway", 502,
                "The " + upstream.name() + " service could not be reached"));
    }

    private void callerLeft() {
        if (out.ended()) {
            // A closed keep-alive connection after a complete answer: nothing is in flight any more.
            return;
        }
        answered = true;
        cancelTimer();
        if (outbound != null) {
            outbound.reset();
        }
    }

    /**
     * Answers with the gateway's own problem and abandons the service's request. The caller may not
     * have finished sending: the rest of its body is read and dropped, because a client that is
     * still writing often misses an answer on a connection closed under it.
     */
    private void answerWithProblem(Problem problem) {
        // Marked first: resetting the service's request below fails its response at once, and that
        // failure must find the exchange already answered.
        answered = true;
        cancelTimer();
        if (outbound != null) {
            outbound.reset();
        }
        if (!in.isEnded()) {
            if (in.version() != HttpVersion.HTTP_2) {
                out.putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
            }
            long guard = vertx.setTimer(DRAIN_GRACE_MILLIS, id -> cutUpload());
            in.exceptionHandler(e -> vertx.cancelTimer(guard));
            in.handler(chunk -> {
            });
            in.endHandler(v -> vertx.cancelTimer(guard));
            in.resume();
        }
        ProblemRoutes.write(ctx, problem);
    }

    private void cutUpload() {
        if (in.version() == HttpVersion.HTTP_2) {
            out.reset();
        } else {
            in.connection().close();
        }
    }

    private Problem tooLarge() {
        return Problem.of("payload-too-large", "Payload Too Large", 413,
                "The request body is larger than " + maxBodySize + " bytes");
    }

    /** The declared body length, -1 when none was declared, null when it is not a number. */
    private Long declaredLength() {
        String length = in.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return -1L;
        }
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private boolean mayHaveBody(int status) {
        return in.method() != HttpMethod.HEAD && status >= 200 && status != 204 && status != 304;
    }

    private void cancelTimer() {
        if (timer != -1) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
    }
}
