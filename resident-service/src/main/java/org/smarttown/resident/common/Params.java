package org.smarttown.resident.common;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import org.smarttown.commons.problem.Invalid;

/**
 * Parses typed query parameters by hand: when JAX-RS fails to convert a query parameter it answers
 * 404, which would tell a client its filter matched nothing rather than that it was malformed.
 * (A candidate for commons.)
 */
public final class Params {

    private Params() {
    }

    public static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw new Invalid(name, "must be a UUID");
        }
    }

    public static OffsetDateTime instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new Invalid(name, "must be an ISO-8601 date-time with offset, e.g. 2026-11-25T09:00:00Z");
        }
    }
}
