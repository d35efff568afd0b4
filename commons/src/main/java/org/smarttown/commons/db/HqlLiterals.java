package org.smarttown.commons.db;

import java.util.Arrays;
import java.util.Collection;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Constant lists of enum values written into HQL, for {@code x in ...}: as literals Hibernate
 * caches the query's plan, as a list parameter it translates the query at every run (see the
 * package). Built from the Java side's own sets, so the query cannot drift from them.
 */
public final class HqlLiterals {

    private HqlLiterals() {
    }

    /** {@code (A, B, C)} for these values. */
    public static String of(Collection<? extends Enum<?>> values) {
        return list(values.stream());
    }

    /** {@code (A, B, C)} for the values of the enum that match. */
    public static <E extends Enum<E>> String of(Class<E> type, Predicate<? super E> which) {
        return list(Arrays.stream(type.getEnumConstants()).filter(which));
    }

    private static String list(Stream<? extends Enum<?>> values) {
        String list = values.map(Enum::name).collect(Collectors.joining(", ", "(", ")"));
        if (list.equals("()")) {
            throw new IllegalArgumentException("an empty list is no HQL");
        }
        return list;
    }
}
