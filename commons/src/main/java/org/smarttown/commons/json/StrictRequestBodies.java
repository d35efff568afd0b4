package org.smarttown.commons.json;

import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The mapper the REST layer reads request bodies with: the application's own (with every
 * customizer, {@link SafeText} included), but refusing a field the endpoint does not know and
 * anything after the JSON value. A misspelt field ("startTime" for "start") is then a 400 that
 * names it instead of a silently ignored value, and "{...}garbage" is not half-read.
 * Events read from the broker keep the lenient mapper: consumers hold trimmed copies of the
 * producers' events and must accept fields they do not use.
 */
@Provider
public class StrictRequestBodies implements ContextResolver<ObjectMapper> {

    private final ObjectMapper strict;

    public StrictRequestBodies(ObjectMapper mapper) {
        this.strict = mapper.copy()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return strict;
    }
}
