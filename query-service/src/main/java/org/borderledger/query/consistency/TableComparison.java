package org.borderledger.query.consistency;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Compares every read model table of the live schema with its namesake in the shadow schema, row by primary key, all
 * columns, in SQL on one connection (so on the live side within that connection's transaction and snapshot). Only the
 * rows that differ travel to the service: the database joins the two tables, so memory stays bounded whatever their
 * size. Which tables are read models needs no list: every table of the schema except the operational ones (the
 * migrations' history, Axon's tokens, the live instances, the replay and check records, the dead letters, the stops counted per record). {@code processed_position.processed_at}, the time
 * a row was written, is the one column that legitimately differs.
 */
final class TableComparison {

    static final Set<String> OPERATIONAL_TABLES = Set.of(
            "flyway_schema_history",
            "token_entry",
            "projection_member",
            "read_model_replay",
            "read_model_lock",
            "consistency_check",
            "consistency_difference",
            "dead_letter",
            "projection_halt");
    static final Map<String, Set<String>> IGNORED_COLUMNS = Map.of("processed_position", Set.of("processed_at"));

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final int FETCH_SIZE = 500;

    /** What was compared: the tables, the rows (distinct keys over both sides) and how many differences were found. */
    record Result(List<String> tables, long rowsCompared, long differences) {}

    private TableComparison() {}

    static Result compare(Connection connection, String liveSchema, String shadowSchema, Consumer<Difference> sink)
            throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        List<String> tables = readModelTables(meta, liveSchema);
        long rows = 0;
        long differences = 0;
        for (String table : tables) {
            Table live =
                    new Table(liveSchema, table, primaryKey(meta, liveSchema, table), columns(meta, liveSchema, table));
            rows += count(connection, live.qualified());
            long[] found = {0};
            Consumer<Difference> counting = difference -> {
                found[0]++;
                sink.accept(difference);
            };
            compareLiveRows(connection, live, shadowSchema, counting);
            rows += compareRebuiltOnlyRows(connection, live, shadowSchema, counting);
            differences += found[0];
        }
        return new Result(tables, rows, differences);
    }

    private record Table(String schema, String name, List<String> key, List<String> columns) {

        String qualified() {
            return qualify(schema, name);
        }

        String joinedOn(String left, String right) {
            return key.stream()
                    .map(column -> left + "." + quote(column) + " = " + right + "." + quote(column))
                    .collect(Collectors.joining(" AND "));
        }

        String select(String alias) {
            return columns.stream().map(column -> alias + "." + quote(column)).collect(Collectors.joining(", "));
        }
    }

    /** Live rows missing from the rebuild or differing in any column. */
    private static void compareLiveRows(
            Connection connection, Table live, String shadowSchema, Consumer<Difference> sink) throws SQLException {
        String distinct = live.columns().stream()
                .map(column -> "l." + quote(column) + " IS DISTINCT FROM r." + quote(column))
                .collect(Collectors.joining(" OR "));
        String sql = "SELECT " + live.select("l") + ", " + live.select("r") + " FROM " + live.qualified() + " l"
                + " LEFT JOIN " + qualify(shadowSchema, live.name()) + " r ON " + live.joinedOn("l", "r")
                + " WHERE r." + quote(live.key().get(0)) + " IS NULL OR " + distinct;
        int width = live.columns().size();
        query(connection, sql, rs -> {
            Map<String, Object> liveRow = row(rs, live.columns(), 0);
            Map<String, Object> rebuiltRow =
                    rs.getObject(width + 1 + live.columns().indexOf(live.key().get(0))) == null
                            ? null
                            : row(rs, live.columns(), width);
            RowDifferences.between(live.name(), live.key(), live.columns(), liveRow, rebuiltRow)
                    .forEach(sink);
        });
    }

    /** Rebuilt rows the live table lacks; answers how many. */
    private static long compareRebuiltOnlyRows(
            Connection connection, Table live, String shadowSchema, Consumer<Difference> sink) throws SQLException {
        String sql = "SELECT " + live.select("r") + " FROM " + qualify(shadowSchema, live.name()) + " r"
                + " WHERE NOT EXISTS (SELECT 1 FROM " + live.qualified() + " l WHERE " + live.joinedOn("l", "r") + ")";
        long[] count = {0};
        query(connection, sql, rs -> {
            count[0]++;
            RowDifferences.between(live.name(), live.key(), live.columns(), null, row(rs, live.columns(), 0))
                    .forEach(sink);
        });
        return count[0];
    }

    private interface RowHandler {
        void handle(ResultSet rs) throws SQLException;
    }

    private static void query(Connection connection, String sql, RowHandler handler) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = statement.executeQuery(sql)) {
                while (rs.next()) {
                    handler.handle(rs);
                }
            }
        }
    }

    private static Map<String, Object> row(ResultSet rs, List<String> columns, int offset) throws SQLException {
        Map<String, Object> row = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            row.put(columns.get(i), rs.getObject(offset + i + 1));
        }
        return row;
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> readModelTables(DatabaseMetaData meta, String schema) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = meta.getTables(null, schema, "%", null)) {
            while (rs.next()) {
                String type = rs.getString("TABLE_TYPE");
                String name = rs.getString("TABLE_NAME");
                if (schema.equals(rs.getString("TABLE_SCHEM"))
                        && ("TABLE".equals(type) || "BASE TABLE".equals(type))
                        && !OPERATIONAL_TABLES.contains(name)) {
                    tables.add(name);
                }
            }
        }
        tables.sort(null);
        return tables;
    }

    private static List<String> primaryKey(DatabaseMetaData meta, String schema, String table) throws SQLException {
        Map<Integer, String> key = new TreeMap<>();
        try (ResultSet rs = meta.getPrimaryKeys(null, schema, table)) {
            while (rs.next()) {
                if (table.equals(rs.getString("TABLE_NAME"))) {
                    key.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
                }
            }
        }
        if (key.isEmpty()) {
            throw new IllegalStateException("Read model table " + table + " has no primary key to compare rows by");
        }
        return List.copyOf(key.values());
    }

    private static List<String> columns(DatabaseMetaData meta, String schema, String table) throws SQLException {
        Map<Integer, String> columns = new TreeMap<>();
        Set<String> ignored = IGNORED_COLUMNS.getOrDefault(table, Set.of());
        try (ResultSet rs = meta.getColumns(null, schema, table, "%")) {
            while (rs.next()) {
                String name = rs.getString("COLUMN_NAME");
                if (table.equals(rs.getString("TABLE_NAME")) && !ignored.contains(name)) {
                    columns.put(rs.getInt("ORDINAL_POSITION"), name);
                }
            }
        }
        return List.copyOf(columns.values());
    }

    private static String qualify(String schema, String table) {
        return quote(schema) + "." + quote(table);
    }

    private static String quote(String identifier) {
        if (!IDENTIFIER.matcher(identifier).matches()) {
            throw new IllegalStateException("Unexpected identifier in a read model: " + identifier);
        }
        return "\"" + identifier + "\"";
    }
}
