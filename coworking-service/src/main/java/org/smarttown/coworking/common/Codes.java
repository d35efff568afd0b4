package org.smarttown.coworking.common;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Sets of codes stored as ",A,B,": one text column that a filter can match with LIKE '%,A,%',
 * without a join table for a handful of words.
 */
public final class Codes {

    private Codes() {
    }

    public static String encode(Collection<String> values) {
        if (values == null || values.isEmpty()) {
            return ",";
        }
        return values.stream().map(v -> v.trim().toUpperCase(Locale.ROOT)).filter(v -> !v.isEmpty()).distinct()
                .sorted().collect(Collectors.joining(",", ",", ","));
    }

    public static List<String> decode(String codes) {
        if (codes == null) {
            return List.of();
        }
        return Arrays.stream(codes.split(",")).filter(s -> !s.isBlank()).toList();
    }

    public static Set<String> decodeSet(String codes) {
        return new LinkedHashSet<>(decode(codes));
    }
}
