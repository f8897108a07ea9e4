package org.borderledger.query.readmodel;

import java.util.HashMap;
import java.util.Map;

/**
 * The values of one statement of a {@link SequencedView}: the aggregate id ({@code :id}), the event's sequence
 * ({@code :sequence}) and the event's own values by name; a value may be null.
 */
public final class Row {

    private final Map<String, Object> values = new HashMap<>();

    private Row() {}

    public static Row of(String id, long sequence) {
        return new Row().with("id", id).with("sequence", sequence);
    }

    public Row with(String name, Object value) {
        values.put(name, value);
        return this;
    }

    Map<String, Object> values() {
        return values;
    }
}
