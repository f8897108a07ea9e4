package org.borderledger.query.indicator;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.borderledger.events.indicator.IndicatorCorrected;
import org.borderledger.events.indicator.IndicatorKind;
import org.borderledger.events.indicator.IndicatorReported;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes and reads {@code indicator_view} and {@code indicator_correction_line}, guarded by the aggregate sequence. */
@Repository
class IndicatorViewRepository {

    private static final String COLUMNS = "indicator_id, kind, period_from, period_to, border_gate, source,"
            + " reporting_province, amount, reported_at";

    private final JdbcClient jdbc;

    IndicatorViewRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Which indicators a list shows: of {@code kind}, with a period starting on/after {@code from}, ending on/before {@code to}. */
    record Filter(IndicatorKind kind, LocalDate from, LocalDate to) {

        String where() {
            List<String> conditions = new ArrayList<>();
            if (kind != null) {
                conditions.add("kind = :kind");
            }
            if (from != null) {
                conditions.add("period_from >= :from");
            }
            if (to != null) {
                conditions.add("period_to <= :to");
            }
            return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        }

        Map<String, Object> values() {
            Map<String, Object> values = new HashMap<>();
            if (kind != null) {
                values.put("kind", kind.name());
            }
            if (from != null) {
                values.put("from", from);
            }
            if (to != null) {
                values.put("to", to);
            }
            return values;
        }
    }

    boolean insertReported(IndicatorReported event, long sequence, Instant recordedAt) {
        return jdbc.sql("INSERT INTO indicator_view (" + COLUMNS + ", last_sequence) VALUES (:id, :kind, :periodFrom,"
                                + " :periodTo, :borderGate, :source, :reportingProvince, :amount, :reportedAt,"
                                + " :sequence) ON CONFLICT DO NOTHING")
                        .param("id", event.indicatorId())
                        .param(
                                "kind",
                                event.indicator() == null
                                        ? null
                                        : event.indicator().name())
                        .param("periodFrom", event.periodFrom())
                        .param("periodTo", event.periodTo())
                        .param("borderGate", event.borderGate())
                        .param("source", event.source())
                        .param("reportingProvince", event.reportingProvince())
                        .param("amount", event.value())
                        .param("reportedAt", utc(recordedAt))
                        .param("sequence", sequence)
                        .update()
                == 1;
    }

    /** The corrected value becomes current; the value it supersedes is kept as a correction line. */
    boolean correct(IndicatorCorrected event, long sequence, Long position, Instant recordedAt) {
        boolean applied = jdbc.sql("UPDATE indicator_view SET amount = :amount, last_sequence = :sequence"
                                + " WHERE indicator_id = :id AND last_sequence < :sequence")
                        .param("amount", event.value())
                        .param("id", event.indicatorId())
                        .param("sequence", sequence)
                        .update()
                == 1;
        if (applied) {
            jdbc.sql("INSERT INTO indicator_correction_line (indicator_id, sequence_number, superseded_amount,"
                            + " corrected_amount, reason, event_position, corrected_at) VALUES (:id, :sequence,"
                            + " :superseded, :corrected, :reason, :position, :correctedAt) ON CONFLICT DO NOTHING")
                    .param("id", event.indicatorId())
                    .param("sequence", sequence)
                    .param("superseded", event.previousValue())
                    .param("corrected", event.value())
                    .param("reason", event.reason())
                    .param("position", position)
                    .param("correctedAt", utc(recordedAt))
                    .update();
        }
        return applied;
    }

    /** Deletes every indicator and its correction lines (a replay rebuilds them). */
    void clear() {
        jdbc.sql("DELETE FROM indicator_correction_line").update();
        jdbc.sql("DELETE FROM indicator_view").update();
    }

    Optional<IndicatorView> find(String id) {
        return withHistory(jdbc.sql("SELECT " + COLUMNS + " FROM indicator_view WHERE indicator_id = :id")
                        .param("id", id)
                        .query((rs, row) -> read(rs))
                        .list())
                .stream()
                .findFirst();
    }

    List<IndicatorView> list(Filter filter, int limit, long offset) {
        return withHistory(jdbc.sql("SELECT " + COLUMNS + " FROM indicator_view" + filter.where()
                        + " ORDER BY indicator_id LIMIT :limit OFFSET :offset")
                .params(filter.values())
                .param("limit", limit)
                .param("offset", offset)
                .query((rs, row) -> read(rs))
                .list());
    }

    long count(Filter filter) {
        return jdbc.sql("SELECT COUNT(*) FROM indicator_view" + filter.where())
                .params(filter.values())
                .query(Long.class)
                .single();
    }

    private List<IndicatorView> withHistory(List<IndicatorView> indicators) {
        if (indicators.isEmpty()) {
            return indicators;
        }
        Map<String, List<IndicatorView.Superseded>> history = jdbc
                .sql("SELECT indicator_id, superseded_amount, corrected_amount, reason, event_position,"
                        + " corrected_at FROM indicator_correction_line WHERE indicator_id IN (:ids)"
                        + " ORDER BY indicator_id, sequence_number")
                .param("ids", indicators.stream().map(IndicatorView::id).toList())
                .query((rs, row) -> Map.entry(
                        rs.getString("indicator_id"),
                        new IndicatorView.Superseded(
                                rs.getLong("superseded_amount"),
                                rs.getLong("corrected_amount"),
                                rs.getString("reason"),
                                rs.getObject("event_position", Long.class),
                                instant(rs, "corrected_at"))))
                .list()
                .stream()
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return indicators.stream()
                .map(view -> new IndicatorView(
                        view.id(),
                        view.kind(),
                        view.periodFrom(),
                        view.periodTo(),
                        view.borderGate(),
                        view.source(),
                        view.reportingProvince(),
                        view.value(),
                        view.reportedAt(),
                        history.getOrDefault(view.id(), List.of())))
                .toList();
    }

    private static IndicatorView read(ResultSet rs) throws SQLException {
        return new IndicatorView(
                rs.getString("indicator_id"),
                IndicatorKind.valueOf(rs.getString("kind")),
                rs.getObject("period_from", LocalDate.class),
                rs.getObject("period_to", LocalDate.class),
                rs.getString("border_gate"),
                rs.getString("source"),
                rs.getString("reporting_province"),
                rs.getLong("amount"),
                instant(rs, "reported_at"),
                List.of());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
