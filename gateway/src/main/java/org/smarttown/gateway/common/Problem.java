package org.smarttown.gateway.common;

import io.vertx.core.json.JsonObject;

/**
 * An RFC 9457 problem detail, the same shape the services answer with (commons' {@code Problem}),
 * so that a client reads a gateway error and a service error alike. The gateway keeps its own copy
 * because commons brings Hibernate and AMQP, which the gateway has no use for.
 */
public record Problem(String type, String title, int status, String detail, String instance) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:smarttown:problem:";

    public static Problem of(String slug, String title, int status, String detail) {
        return new Problem(TYPE_PREFIX + slug, title, status, detail, null);
    }

    public static Problem unauthorized() {
        return of("unauthorized", "Unauthorized", 401, "A valid bearer token is required");
    }

    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, path);
    }

    public String toJson() {
        JsonObject json = new JsonObject()
                .put("type", type)
                .put("title", title)
                .put("status", status)
                .put("detail", detail);
        if (instance != null) {
            json.put("instance", instance);
        }
        return json.encode();
    }
}
