package org.smarttown.gateway.proxy;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.smarttown.gateway.config.GatewayConfig;

/** One service as the proxy sees it: where it listens, which paths it serves, how long it may take. */
record Upstream(String name, String host, int port, boolean ssl, String basePath, List<String> prefixes,
        Duration timeout) {

    static Upstream of(String name, GatewayConfig.Route route) {
        URI url = route.url();
        String scheme = url.getScheme();
        if (url.getHost() == null || !("http".equals(scheme) || "https".equals(scheme))) {
            throw new IllegalArgumentException("smarttown.gateway.routes." + name + ".url must be an http(s) URL, not "
                    + url);
        }
        boolean ssl = "https".equals(scheme);
        int port = url.getPort() != -1 ? url.getPort() : (ssl ? 443 : 80);
        String basePath = url.getRawPath() == null ? "" : trimTrailingSlash(url.getRawPath());
        List<String> prefixes = route.prefixes().stream().map(prefix -> {
            if (!prefix.startsWith("/")) {
                throw new IllegalArgumentException("smarttown.gateway.routes." + name + ".prefixes must start with /: "
                        + prefix);
            }
            return trimTrailingSlash(prefix);
        }).toList();
        return new Upstream(name, url.getHost(), port, ssl, basePath, prefixes, route.timeout());
    }

    /** The request target at the service: its base path, then the caller's path and query as they came. */
    String target(String path, String query) {
        return basePath + path + (query == null ? "" : "?" + query);
    }

    private static String trimTrailingSlash(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
