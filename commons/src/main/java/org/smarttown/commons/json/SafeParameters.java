package org.smarttown.commons.json;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.smarttown.commons.problem.Invalid;

/**
 * Path and query parameters get the same check as text fields in JSON ({@link SafeText}): a
 * control character, an unpaired surrogate or a direction override is a 400 naming the parameter.
 * Without it a percent-encoded NUL ({@code %00}) in a serial or a search term reached PostgreSQL,
 * which refuses it in text ("invalid byte sequence"), and the caller got a 500.
 */
public class SafeParameters {

    @ServerRequestFilter
    public void check(UriInfo uri) {
        refuseUnsafe(uri.getPathParameters());
        refuseUnsafe(uri.getQueryParameters());
    }

    private static void refuseUnsafe(MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            for (String value : parameter.getValue()) {
                String problem = SafeText.problemWith(value);
                if (problem != null) {
                    throw new Invalid(parameter.getKey(), problem);
                }
            }
        }
    }
}
