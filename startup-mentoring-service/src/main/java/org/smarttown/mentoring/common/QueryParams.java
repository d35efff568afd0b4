package org.smarttown.mentoring.common;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import org.smarttown.commons.problem.Invalid;

/**
 * Query parameters parsed by the service rather than by JAX-RS, which answers an unconvertible
 * query parameter with 404 instead of a 400 naming the field.
 */
public final class QueryParams {

    private QueryParams() {
    }

    public static UUID uuid(String field, String value) {
        try {
            return UUID.fromString(required(field, value));
        } catch (IllegalArgumentException e) {
            throw new Invalid(field, "must be an id");
        }
    }

    public static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(required(field, value));
        } catch (DateTimeParseException e) {
            throw new Invalid(field, "must be a date (yyyy-MM-dd)");
        }
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new Invalid(field, "is required");
        }
        return value;
    }
}
