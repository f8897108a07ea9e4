package org.borderledger.query.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The WHERE clause of a list's filter: one condition per set parameter, all of them to hold; an unset one does not filter. */
public final class ListFilter {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> values = new HashMap<>();

    /** Adds {@code condition} on the parameter {@code name} when {@code value} is set. */
    public ListFilter with(String condition, String name, Object value) {
        if (value != null) {
            conditions.add(condition);
            values.put(name, value instanceof Enum<?> constant ? constant.name() : value);
        }
        return this;
    }

    /** {@code " WHERE …"}, or nothing when no parameter is set. */
    public String where() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    public Map<String, Object> values() {
        return values;
    }
}
