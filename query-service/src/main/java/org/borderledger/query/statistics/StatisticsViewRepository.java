package org.borderledger.query.statistics;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.borderledger.events.indicator.IndicatorKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the figures from the tables the other projections keep (repatriation_case_line, marker_view, indicator_view,
 * agreement_view), in one read-only repeatable-read transaction so that all figures come from the same snapshot.
 */
@Repository
class StatisticsViewRepository {

    private final JdbcClient jdbc;
    private final TransactionTemplate snapshot;

    StatisticsViewRepository(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setReadOnly(true);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    StatisticsView between(LocalDate from, LocalDate to, long position) {
        return snapshot.execute(status -> {
            Map<String, Long> remains = remainsByKind(from, to);
            Map<IndicatorKind, BigInteger> indicators = indicatorsByKind(from, to);
            return new StatisticsView(
                    from,
                    to,
                    remains.getOrDefault("RECOVERY", 0L),
                    remains.getOrDefault("REPATRIATION", 0L),
                    markersConfirmed(from, to),
                    indicators.get(IndicatorKind.TRADE_TURNOVER_USD),
                    indicators.get(IndicatorKind.EXPORTS_USD),
                    indicators.get(IndicatorKind.IMPORTS_USD),
                    new StatisticsView.Visitors(
                            indicators.get(IndicatorKind.VISITORS_VN_TO_KH),
                            indicators.get(IndicatorKind.VISITORS_KH_TO_VN)),
                    agreementsInForce(from, to),
                    position);
        });
    }

    private Map<String, Long> remainsByKind(LocalDate from, LocalDate to) {
        Map<String, Long> sums = new HashMap<>();
        jdbc.sql("SELECT kind, SUM(remains_count) AS remains FROM repatriation_case_line"
                        + " WHERE occurred_on >= :from AND occurred_on <= :to GROUP BY kind")
                .param("from", from)
                .param("to", to)
                .query(rs -> {
                    sums.put(rs.getString("kind"), rs.getLong("remains"));
                });
        return sums;
    }

    private long markersConfirmed(LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT COUNT(*) FROM marker_view WHERE confirmed_on >= :from AND confirmed_on <= :to")
                .param("from", from)
                .param("to", to)
                .query(Long.class)
                .single();
    }

    /**
     * Current values of indicators whose period lies entirely inside [from, to]; a straddling period does not count.
     * PostgreSQL sums {@code bigint} as {@code numeric}, exactly and without overflow.
     */
    private Map<IndicatorKind, BigInteger> indicatorsByKind(LocalDate from, LocalDate to) {
        Map<IndicatorKind, BigInteger> sums = new EnumMap<>(IndicatorKind.class);
        for (IndicatorKind kind : IndicatorKind.values()) {
            sums.put(kind, BigInteger.ZERO);
        }
        jdbc.sql("SELECT kind, SUM(amount) AS total FROM indicator_view"
                        + " WHERE period_from >= :from AND period_to <= :to GROUP BY kind")
                .param("from", from)
                .param("to", to)
                .query(rs -> {
                    sums.put(
                            IndicatorKind.valueOf(rs.getString("kind")),
                            rs.getBigDecimal("total").toBigIntegerExact());
                });
        return sums;
    }

    /**
     * Agreements in force at some day of [from, to]: validity starts at validFrom and ends at validTo (as amended) or
     * the day before terminatedOn, whichever comes first. An agreement terminated before it took effect never was.
     */
    private long agreementsInForce(LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT COUNT(*) FROM agreement_view"
                        + " WHERE (valid_from IS NULL OR valid_from <= :to)"
                        + " AND (valid_to IS NULL OR valid_to >= :from)"
                        + " AND (terminated_on IS NULL"
                        + " OR (terminated_on > :from AND (valid_from IS NULL OR terminated_on > valid_from)))")
                .param("from", from)
                .param("to", to)
                .query(Long.class)
                .single();
    }
}
