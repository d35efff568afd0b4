package org.smarttown.gateway.proxy;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
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
    private static final Set<String> SET_BY_GATEWAY = Set.of("host", "expect", "x-request-id", "x-forwarded-proto",
            "x-forwarded-host", "x-forwarded-for", "forwarded");

    /** Kept short and plain, because the id lands in every service's logs. */
    private static final Pattern SANE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    private ProxyHeaders() {
    }

    /** Request headers a service never gets from the caller: hop-by-hop ones and those the gateway sets. */
    static final Set<String> NOT_FORWARDED = caseInsensitive(HOP_BY_HOP, SET_BY_GATEWAY);

    /** Response headers the caller never gets from a service: hop-by-hop ones, and the request id already set. */
    static final Set<String> NOT_RETURNED = caseInsensitive(HOP_BY_HOP, Set.of("x-request-id"));

    /**
     * Copies the end-to-end headers of a message, leaving out {@code dropped} (one of the sets above)
     * and any header its Connection header names. The sets ignore case, so that no header name is
     * lower-cased (a new string) on every request.
     */
    static void copyEndToEnd(MultiMap from, MultiMap to, Set<String> dropped) {
        Set<String> namedInConnection = from.contains(HttpHeaders.CONNECTION)
                ? namedInConnection(from.getAll(HttpHeaders.CONNECTION))
                : Set.of();
        for (var header : from) {
            String name = header.getKey();
            if (!dropped.contains(name) && !namedInConnection.contains(name)
                    && !name.regionMatches(true, 0, "proxy-", 0, "proxy-".length())) {
                to.add(name, header.getValue());
            }
        }
    }

    /** A sender may name further hop-by-hop headers in Connection. */
    private static Set<String> namedInConnection(List<String> connectionHeaders) {
        Set<String> named = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (String connection : connectionHeaders) {
            for (String token : connection.split(",")) {
                named.add(token.trim());
            }
        }
        return named;
    }

    private static Set<String> caseInsensitive(Set<String> some, Set<String> more) {
        Set<String> all = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        all.addAll(some);
        all.addAll(more);
        return Collections.unmodifiableSet(all);
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
        return offered != null && SANE_REQUEST_ID.matcher(offered).matches() ? offered : newRequestId();
    }

    /**
     * A random (version 4) UUID. Not UUID.randomUUID(): its SecureRandom takes a lock and reads
     * /dev/urandom, and an id for finding log lines needs no secrecy.
     */
    private static String newRequestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & ~(0xCL << 60)) | (0x8L << 60);
        return new UUID(high, low).toString();
    }

    /** The caller's address appended to any chain a proxy in front of the gateway started. */
    static String forwardedFor(String existing, SocketAddress caller) {
        String address = caller == null ? "unknown" : caller.hostAddress();
        return existing == null || existing.isBlank() ? address : existing + ", " + address;
    }
}
