package org.smarttown.gateway.common;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import org.jboss.logging.Logger;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.quarkus.oidc.OIDCException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationRedirectException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Problem+json for everything the gateway answers itself: failed authentication (the token check
 * runs in Quarkus' security handlers, before any route, and reports by failing the request), paths
 * no route serves, and anything unexpected. A stack trace never reaches the caller.
 */
@ApplicationScoped
public class ProblemRoutes {

    private static final Logger LOG = Logger.getLogger(ProblemRoutes.class);

    /** The headers quarkus.http.header.* puts on every answer, for the answers given before that route runs. */
    private Map<String, String> securityHeaders = Map.of();

    // After GatewayProxy's (default priority), so that its request id route comes first.
    void install(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) Router router) {
        securityHeaders = configuredHeaders();
        // First among the failure handlers, so Quarkus' own (plain-text or HTML) error pages never answer.
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failure);
        router.route().last().handler(ctx -> write(ctx,
                Problem.of("not-found", "Not Found", 404, "No service answers at this path")));
        // A request target that is not a valid URI (a broken percent escape such as "?q=100%", a raw
        // "|"): Quarkus would refuse it with an empty 400 before any route (GatewayMain turns that check
        // off), so the same check runs here and answers with a problem. It must come before every route
        // with a path (matching one decodes the path, which fails on a broken escape), and so before
        // Quarkus' security headers route too: the answer carries those headers itself.
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            if (wellFormed(ctx.request().uri())) {
                ctx.next();
            } else {
                securityHeaders.forEach(ctx.response()::putHeader);
                // The path as it was sent: decoding it for the instance is what fails.
                end(ctx, MALFORMED.withInstance(ctx.request().path()));
            }
        });
    }

    private static final Problem MALFORMED = Problem.of("malformed-request", "Bad Request", 400,
            "The request's path or query is not a valid URI: percent-encode '%' and characters such as '|', '^', spaces");

    /** quarkus.http.header."Name".value for every name, as the active profile resolves it. */
    private static Map<String, String> configuredHeaders() {
        Config config = ConfigProvider.getConfig();
        Map<String, String> headers = new LinkedHashMap<>();
        for (String property : config.getPropertyNames()) {
            Matcher header = HEADER_PROPERTY.matcher(property);
            if (header.matches()) {
                String key = "quarkus.http.header." + header.group(1) + ".value";
                config.getOptionalValue(key, String.class)
                        .ifPresent(value -> headers.put(header.group(1).replace("\"", ""), value));
            }
        }
        return Map.copyOf(headers);
    }

    /** The name of a header property, with or without a profile ("%prod.") in front. */
    private static final Pattern HEADER_PROPERTY = Pattern.compile("(?:%[^.]+\\.)?quarkus\\.http\\.header\\.(.+)\\.value");

    /** The check Quarkus makes of every request target (java.net.URI's grammar, RFC 2396). */
    static boolean wellFormed(String uri) {
        if (uri == null) {
            return false;
        }
        try {
            new URI(uri);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private void failure(RoutingContext ctx) {
        if (ctx.response().headWritten()) {
            // Too late for a problem body: cut the connection so the caller sees a broken answer, not a short one.
            ctx.response().reset();
            return;
        }
        Throwable failure = ctx.failure();
        if (failure instanceof AuthenticationRedirectException) {
            // The code flow sending a browser to sign in (or back after it): Quarkus answers with the redirect.
            ctx.next();
            return;
        }
        if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException
                || failure instanceof AuthenticationCompletionException || ctx.statusCode() == 401) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
            write(ctx, Problem.unauthorized());
            return;
        }
        if (failure instanceof OIDCException) {
            // Fail closed: without the identity provider no token can be checked, so nothing passes.
            LOG.warnf("Identity provider unavailable on %s: %s", ctx.normalizedPath(), failure.getMessage());
            ctx.response().putHeader("Retry-After", "10");
            write(ctx, Problem.of("identity-provider-unavailable", "Service Unavailable", 503,
                    "Sign-in cannot be checked right now; try again shortly"));
            return;
        }
        if (failure instanceof ForbiddenException || ctx.statusCode() == 403) {
            if (wantsPage(ctx)) {
                // A person whose role may not open this web app: a page saying so, not JSON.
                ctx.response().setStatusCode(403).putHeader("Content-Type", "text/html; charset=utf-8").end(FORBIDDEN_PAGE);
                return;
            }
            write(ctx, Problem.of("forbidden", "Forbidden", 403, "Your role does not allow this request"));
            return;
        }
        int status = ctx.statusCode();
        // Also with a failure: Vert.x refuses a request without a Host header with fail(400, exception).
        if (status >= 400 && status < 500) {
            String reason = HttpResponseStatus.valueOf(status).reasonPhrase();
            write(ctx, Problem.of(slugOf(reason), reason, status, "The request could not be processed"));
            return;
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(failure, "Unexpected failure %s on %s", errorId, ctx.normalizedPath());
        write(ctx, Problem.of("internal", "Internal error", 500,
                "The request could not be completed; quote error id " + errorId + " when reporting it"));
    }

    /** A browser asking for a page (not an API, not a script or stylesheet). */
    private static boolean wantsPage(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        String accept = ctx.request().getHeader("Accept");
        return accept != null && accept.contains("text/html") && !path.startsWith("/api/") && !path.startsWith("/partner/");
    }

    private static final String FORBIDDEN_PAGE = """
            <!doctype html>
            <html lang="ko">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>403 · 권한 없음</title>
              <link rel="stylesheet" href="/assets/app.css">
            </head>
            <body>
              <main>
                <h1 id="forbidden">403 · 이 화면을 열 권한이 없습니다</h1>
                <p lang="en">403 · Your role may not open this page.</p>
                <p><a href="/">처음으로 (start page)</a> · <a href="/logout">다른 계정으로 로그인 (sign in as someone else)</a></p>
              </main>
            </body>
            </html>
            """;

    private static String slugOf(String reason) {
        return reason.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }

    /** Answers with the problem, its instance being the path the caller asked for. */
    public static void write(RoutingContext ctx, Problem problem) {
        end(ctx, problem.withInstance(ctx.normalizedPath()));
    }

    private static void end(RoutingContext ctx, Problem problem) {
        ctx.response()
                .setStatusCode(problem.status())
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .end(problem.toJson());
    }
}
