package org.borderledger.query.indicator;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.borderledger.events.indicator.IndicatorKind;
import org.borderledger.query.web.DetailLines;
import org.borderledger.query.web.ListFilter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads {@code indicator_view} and its correction lines ({@link IndicatorProjection} writes them). */
@Repository
class IndicatorViewRepository {

    private static final String COLUMNS = "indicator_id, kind, period_from, period_to, border_gate, source,"
            + " reporting_province, amount, reported_at";

    private final JdbcClient jdbc;

    IndicatorViewRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Which indicators a list shows: of {@code kind}, with a period starting on/after {@code from}, ending on/before {@code to}. */
    record Filter(IndicatorKind kind, LocalDate from, LocalDate to) {}

    Optional<IndicatorView> find(String id) {
        return withHistory(jdbc.sql("SELECT " + COLUMNS + " FROM indicator_view WHERE indicator_id = :id")
                        .param("id", id)
                        .query((rs, row) -> read(rs))
                        .list())
                .stream()
                .findFirst();
    }

    List<IndicatorView> list(Filter filter, int limit, long offset) {
        return withHistory(jdbc.sql("SELECT " + COLUMNS + " FROM indicator_view"
                        + conditions(filter).where() + " ORDER BY indicator_id LIMIT :limit OFFSET :offset")
                .params(conditions(filter).values())
                .param("limit", limit)
                .param("offset", offset)
                .query((rs, row) -> read(rs))
                .list());
    }

    long count(Filter filter) {
        return jdbc.sql("SELECT COUNT(*) FROM indicator_view"
                        + conditions(filter).where())
                .params(conditions(filter).values())
                .query(Long.class)
                .single();
    }

    private static ListFilter conditions(Filter filter) {
        return new ListFilter()
                .with("kind = :kind", "kind", filter.kind())
                .with("period_from >= :from", "from", filter.from())
                .with("period_to <= :to", "to", filter.to());
    }

    private List<IndicatorView> withHistory(List<IndicatorView> indicators) {
        return DetailLines.attach(
                indicators,
                IndicatorView::id,
                ids -> jdbc.sql("SELECT indicator_id, superseded_amount, corrected_amount, reason, event_position,"
                                + " corrected_at FROM indicator_correction_line WHERE indicator_id IN (:ids)"
                                + " ORDER BY indicator_id, sequence_number")
                        .param("ids", ids)
                        .query((rs, row) -> Map.entry(
                                rs.getString("indicator_id"),
                                new IndicatorView.Superseded(
                                        rs.getLong("superseded_amount"),
                                        rs.getLong("corrected_amount"),
                                        rs.getString("reason"),
                                        rs.getObject("event_position", Long.class),
                                        instant(rs, "corrected_at"))))
                        .list(),
                IndicatorView::withHistory);
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

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
