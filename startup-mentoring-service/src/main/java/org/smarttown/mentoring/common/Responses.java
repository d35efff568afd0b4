package org.smarttown.mentoring.common;

import org.jboss.resteasy.reactive.RestResponse;

/** Small builders so resources read like sentences. */
public final class Responses {

    private Responses() {
    }

    public static <T> RestResponse<T> created(String location, T entity) {
        return RestResponse.ResponseBuilder.<T> create(RestResponse.Status.CREATED).header("Location", location)
                .entity(entity).build();
    }

    public static <T> RestResponse<T> ok(T entity) {
        return RestResponse.ok(entity);
    }
}
