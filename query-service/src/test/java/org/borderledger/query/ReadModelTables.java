package org.borderledger.query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every row of every read model table, ordered by key: what a rebuild must reproduce exactly. */
public final class ReadModelTables {

    /** Table to its key columns. */
    public static final Map<String, String> KEYS = keys();

    private ReadModelTables() {}

    private static Map<String, String> keys() {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("agreement_view", "agreement_id");
        keys.put("agreement_review_line", "agreement_id, sequence_number");
        keys.put("agreement_amendment_line", "agreement_id, sequence_number");
        keys.put("repatriation_case_view", "case_id");
        keys.put("repatriation_case_line", "case_id, sequence_number");
        keys.put("marker_view", "marker_id");
        keys.put("indicator_view", "indicator_id");
        keys.put("indicator_correction_line", "indicator_id, sequence_number");
        keys.put("fact_line", "aggregate_id, sequence_number");
        keys.put("processed_position", "position");
        return Map.copyOf(keys);
    }

    /** The rows of every table; {@code processed_at}, the time of processing, is left out. */
    public static Map<String, List<Map<String, Object>>> snapshot(JdbcTemplate jdbc) {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        KEYS.forEach((table, key) -> {
            List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM " + table + " ORDER BY " + key);
            rows.forEach(row -> row.remove("processed_at"));
            tables.put(table, rows);
        });
        return tables;
    }
}
