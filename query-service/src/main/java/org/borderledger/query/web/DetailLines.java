package org.borderledger.query.web;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The detail lines of a page of views (corrections, recoveries), read for the whole page in one query. */
public final class DetailLines {

    private DetailLines() {}

    /**
     * {@code views}, each given ({@code with}) its own lines, in the order {@code read} returns them; {@code read}
     * gets the ids of every view and answers each line with the id of its view.
     */
    public static <V, L> List<V> attach(
            List<V> views,
            Function<V, String> idOf,
            Function<List<String>, List<Map.Entry<String, L>>> read,
            BiFunction<V, List<L>, V> with) {
        if (views.isEmpty()) {
            return views;
        }
        Map<String, List<L>> lines = read.apply(views.stream().map(idOf).toList()).stream()
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return views.stream()
                .map(view -> with.apply(view, lines.getOrDefault(idOf.apply(view), List.of())))
                .toList();
    }
}
