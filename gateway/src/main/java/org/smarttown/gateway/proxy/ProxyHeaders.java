package org.smarttown.gateway.proxy;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import io.vertx.core.MultiMap;
import io.vertx.core.net.SocketAddress;

/** Which headers cross the gateway, and the ones it adds. */
final class ProxyHeaders {

    static final String REQUEST_ID = "X-Request-ID";
    static final String FORWARDED_FOR = "X-Forwarded-For";
    static final String FORWARDED_PROTO = "X-Forwarded-Proto";
    static final String FORWARDED_HOST = "X-Forwarded-Host";

    /** RFC 9110 §7.6.1: these describe one connection, not the message, so a proxy must not pass them on. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "te", "trailer",
            "transfer-encoding", "upgrade");

    /**
     * Request headers the gateway sets itself: Host is the service's, Expect is answered here, and
     * the caller may not forge the request id or the forwarding headers the services trust.
     */
    static final Set<String> SET_BY_GATEWAY = Set.of("host", "expect", "x-request-id", "x-forwarded-proto",
            "x-forwarded-host", "x-forwarded-for", "forwarded");

    /** Kept short and plain, because the id lands in every service's logs. */
    private static final Pattern SANE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    private ProxyHeaders() {
    }

    /** Copies the end-to-end headers of a message, leaving out hop-by-hop ones and {@code skipped}. */
    static void copyEndToEnd(MultiMap from, MultiMap to, Set<String> skipped) {
        Set<String> dropped = new HashSet<>(HOP_BY_HOP);
        dropped.addAll(skipped);
        // A sender may name further hop-by-hop headers in Connection.
        for (String connection : from.getAll("Connection")) {
            for (String token : connection.split(",")) {
                dropped.add(token.trim().toLowerCase(Locale.ROOT));
            }
        }
        for (var header : from) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (!dropped.contains(name) && !name.startsWith("proxy-")) {
                to.add(header.getKey(), header.getValue());
            }
        }
    }

    /**
     * The Cookie header without the gateway's own session cookies (q_session*, q_auth*): they hold
     * the signed-in person's tokens, which a service gets as a bearer token instead. Null when no
     * cookie is left.
     */
    static String withoutSessionCookies(String cookieHeader) {
        if (cookieHeader == null) {
            return null;
        }
        StringBuilder kept = new StringBuilder();
        for (String cookie : cookieHeader.split(";")) {
            String trimmed = cookie.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("q_session") || trimmed.startsWith("q_auth")) {
                continue;
            }
            if (kept.length() > 0) {
                kept.append("; ");
            }
            kept.append(trimmed);
        }
        return kept.length() == 0 ? null : kept.toString();
    }

    /** The caller's request id when it is sane, otherwise a new one. */
    static String requestId(String offered) {
        return offered != null && SANE_REQUEST_ID.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }

    /** The caller's address appended to any chain a proxy in front of the gateway started. */
    static String forwardedFor(String existing, SocketAddress caller) {
        String address = caller == null ? "unknown" : caller.hostAddress();
        return existing == null || existing.isBlank() ? address : existing + ", " + address;
    }
}
