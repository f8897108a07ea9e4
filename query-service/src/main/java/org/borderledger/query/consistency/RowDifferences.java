package org.borderledger.query.consistency;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How two versions of one row differ, column by column: the pure part of a comparison. Values are compared as the
 * JDBC driver reads them, after {@link #render}ing both to text (so that a timestamp read as {@code Timestamp} and as
 * {@code OffsetDateTime}, or {@code 1.50} and {@code 1.5}, count as the same value).
 */
final class RowDifferences {

    private RowDifferences() {}

    /**
     * The differences between the live and the rebuilt version of a row; either may be null (the row is missing on that
     * side). {@code columns} are compared in their order; {@code keyColumns} name the row.
     */
    static List<Difference> between(
            String table,
            List<String> keyColumns,
            List<String> columns,
            Map<String, Object> live,
            Map<String, Object> rebuilt) {
        if (live == null && rebuilt == null) {
            return List.of();
        }
        Map<String, String> key = new LinkedHashMap<>();
        Map<String, Object> present = live != null ? live : rebuilt;
        keyColumns.forEach(column -> key.put(column, render(present.get(column))));
        if (live == null) {
            return List.of(new Difference(
                    table, key, null, Difference.Kind.MISSING_IN_LIVE, null, renderRow(columns, rebuilt)));
        }
        if (rebuilt == null) {
            return List.of(new Difference(
                    table, key, null, Difference.Kind.MISSING_IN_REBUILT, renderRow(columns, live), null));
        }
        List<Difference> differences = new ArrayList<>();
        for (String column : columns) {
            String liveValue = render(live.get(column));
            String rebuiltValue = render(rebuilt.get(column));
            if (!Objects.equals(liveValue, rebuiltValue)) {
                differences.add(new Difference(table, key, column, Difference.Kind.VALUE, liveValue, rebuiltValue));
            }
        }
        return differences;
    }

    /** A value as text: instants in UTC ISO-8601, numbers without trailing zeros, bytes in hex, null as null. */
    static String render(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant().toString();
        }
        if (value instanceof OffsetDateTime dateTime) {
            return dateTime.toInstant().toString();
        }
        if (value instanceof ZonedDateTime dateTime) {
            return dateTime.toInstant().toString();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.signum() == 0 ? "0" : decimal.stripTrailingZeros().toPlainString();
        }
        if (value instanceof byte[] bytes) {
            return HexFormat.of().formatHex(bytes);
        }
        return value.toString();
    }

    private static String renderRow(List<String> columns, Map<String, Object> row) {
        StringBuilder text = new StringBuilder("{");
        for (String column : columns) {
            if (text.length() > 1) {
                text.append(", ");
            }
            text.append(column).append('=').append(render(row.get(column)));
        }
        return text.append('}').toString();
    }
}
