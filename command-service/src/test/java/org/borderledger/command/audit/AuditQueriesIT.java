package org.borderledger.command.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.List;
import org.borderledger.command.CommandServiceIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The audit API's pages, histories and states run on a pool of their own, apart from the writes', whose statements
 * PostgreSQL cancels after {@code ledger.audit.query.statement-timeout}, and one token holds at most its share of them.
 */
@CommandServiceIT
class AuditQueriesIT {

    @Autowired
    AuditQueries queries;

    @Autowired
    JdbcTemplate writes;

    @Autowired
    AuditProperties properties;

    @Test
    void auditQueriesRunOnTheirOwnPoolWithAStatementTimeout() {
        JdbcTemplate audit = new JdbcTemplate(queries.dataSource());

        assertThat(((HikariDataSource) queries.dataSource()).getPoolName()).isEqualTo("audit-queries");
        assertThat(queries.dataSource()).isNotSameAs(writes.getDataSource());
        assertThat(audit.queryForObject("SHOW statement_timeout", String.class)).isEqualTo("30s");
        assertThat(writes.queryForObject("SHOW statement_timeout", String.class))
                .as("the writes' connections are not bounded by it")
                .isEqualTo("0");
    }

    @Test
    void oneTokenHoldsAtMostItsShareOfTheAuditQueries() {
        int share = properties.query().maxConcurrentPerSubject();
        List<Integer> nested = new ArrayList<>();

        assertThatThrownBy(() -> takeNested(queries, "greedy-auditor", share + 1, nested))
                .isInstanceOfSatisfying(AuditQueriesBusy.class, busy -> assertThat(busy.ownShare())
                        .isTrue());
        assertThat(nested).hasSize(share);
        assertThat(queries.run("another-auditor", () -> "answered")).isEqualTo("answered");
    }

    /** Holds {@code depth} queries of {@code subject} at once, each inside the previous one. */
    private static void takeNested(AuditQueries queries, String subject, int depth, List<Integer> held) {
        if (depth == 0) {
            return;
        }
        queries.run(subject, () -> {
            held.add(depth);
            takeNested(queries, subject, depth - 1, held);
            return null;
        });
    }
}
