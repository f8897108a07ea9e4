package org.borderledger.query.fact;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The fact lines behind one figure of {@code /api/statistics} over [from, to], both days included, selected by the
 * same rules the figures are computed by (remains and markers by business date, indicators whose whole period lies in
 * the range, agreements whose validity, cut short by termination, overlaps it), in global order.
 */
@Repository
class FigureFactRepository {

    private static final String INDICATORS_INSIDE = "SELECT indicator_id FROM indicator_view"
            + " WHERE kind = :kind AND period_from >= :from AND period_to <= :to";

    private static final String AGREEMENTS_IN_FORCE = "SELECT agreement_id FROM agreement_view"
            + " WHERE (valid_from IS NULL OR valid_from <= :to)"
            + " AND (valid_to IS NULL OR valid_to >= :from)"
            + " AND (terminated_on IS NULL"
            + " OR (terminated_on > :from AND (valid_from IS NULL OR terminated_on > valid_from)))";

    private final JdbcClient jdbc;

    FigureFactRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<FactLine> of(Figure figure, LocalDate from, LocalDate to, int limit, long offset) {
        return query(
                        "SELECT " + FactLineRepository.COLUMNS + " FROM fact_line WHERE " + where(figure)
                                + " ORDER BY event_position, aggregate_id, sequence_number LIMIT :limit OFFSET :offset",
                        figure,
                        from,
                        to)
                .param("limit", limit)
                .param("offset", offset)
                .query((rs, row) -> FactLineRepository.read(rs))
                .list();
    }

    long count(Figure figure, LocalDate from, LocalDate to) {
        return query("SELECT COUNT(*) FROM fact_line WHERE " + where(figure), figure, from, to)
                .query(Long.class)
                .single();
    }

    private JdbcClient.StatementSpec query(String sql, Figure figure, LocalDate from, LocalDate to) {
        JdbcClient.StatementSpec statement = jdbc.sql(sql).param("from", from).param("to", to);
        if (figure.datedEvent != null) {
            statement = statement.param("eventType", figure.datedEvent);
        }
        if (figure.indicatorKind != null) {
            statement = statement.param("kind", figure.indicatorKind.name());
        }
        return statement;
    }

    private static String where(Figure figure) {
        if (figure.datedEvent != null) {
            return "event_type = :eventType AND business_date >= :from AND business_date <= :to";
        }
        if (figure.indicatorKind != null) {
            return "aggregate_id IN (" + INDICATORS_INSIDE + ")";
        }
        return "aggregate_id IN (" + AGREEMENTS_IN_FORCE + ")";
    }
}
