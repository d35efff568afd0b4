package org.smarttown.commons.paging;

import java.util.List;
import java.util.function.Function;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.smallrye.mutiny.Uni;

/** One page of a list, with what a client needs to show "page 2 of 7". */
public record Page<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    public static <E, T> Uni<Page<T>> of(PanacheQuery<E> query, PageRequest request, Function<E, T> mapper) {
        return query.page(request.page, request.size).list()
                .chain(entities -> query.count().map(total -> new Page<>(
                        entities.stream().map(mapper).toList(),
                        request.page,
                        request.size,
                        total,
                        (int) ((total + request.size - 1) / request.size))));
    }
}
