package org.borderledger.query.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.borderledger.query.EventList;
import org.borderledger.query.ReadModelDatabase;
import org.borderledger.query.SampleHistory;
import org.borderledger.query.position.PositionBeans;
import org.flywaydb.core.api.Location;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** The shadow mechanism on its own: a rebuild into a shadow schema and a row-by-row comparison with the live tables. */
class ShadowRebuildTest {

    static final Location MIGRATIONS = new Location("classpath:db/migration/query");

    final ReadModelDatabase database = ReadModelDatabase.migrated();
    final JdbcClient jdbc = database.jdbc();
    final AnnotationConfigApplicationContext service = service(database);

    @AfterEach
    void close() {
        service.close();
    }

    @Test
    void theSameProjectionsRebuildTheSameRowsInTheShadowSchemaAndTheComparisonFindsEveryTampering() throws Exception {
        EventList history = new EventList();
        SampleHistory.write(history, "SHADOW", 2014);
        String repatriationCase = SampleHistory.caseId("SHADOW");
        try (ShadowReadModels live = ShadowReadModels.open(service.getBeanFactory(), database.dataSource());
                ShadowSchema shadow = ShadowSchema.create(database.dataSource(), "shadowtest", MIGRATIONS);
                ShadowReadModels rebuilt = ShadowReadModels.open(service.getBeanFactory(), shadow.dataSource())) {
            assertThat(rebuilt.projections()).isEqualTo(6);
            live.apply(history.events());
            rebuilt.apply(history.events());

            assertThat(count("repatriation_case_view")).isEqualTo(1);
            assertThat(JdbcClient.create(shadow.dataSource())
                            .sql("SELECT recovered_total FROM repatriation_case_view")
                            .query(Long.class)
                            .single())
                    .isEqualTo(12);
            Outcome untouched = compare(shadow);
            assertThat(untouched.result().differences()).isZero();
            assertThat(untouched.differences()).isEmpty();
            assertThat(untouched.result().tables())
                    .containsExactly(
                            "agreement_amendment_line",
                            "agreement_review_line",
                            "agreement_view",
                            "fact_line",
                            "indicator_correction_line",
                            "indicator_view",
                            "marker_view",
                            "processed_position",
                            "repatriation_case_line",
                            "repatriation_case_view");
            assertThat(untouched.result().rowsCompared())
                    .isEqualTo(count("processed_position") + 8 + count("fact_line"));

            jdbc.sql("UPDATE repatriation_case_view SET recovered_total = 999").update();
            jdbc.sql("DELETE FROM marker_view").update();
            jdbc.sql("INSERT INTO processed_position (position, event_type) VALUES (4711, 'Invented')")
                    .update();

            Outcome tampered = compare(shadow);

            Difference missingMarker = tampered.differences().stream()
                    .filter(difference -> difference.kind() == Difference.Kind.MISSING_IN_LIVE)
                    .findFirst()
                    .orElseThrow();
            assertThat(missingMarker.rebuilt()).contains("marker_id=SHADOW-314/1", "status=COMPLETED");
            assertThat(tampered.differences())
                    .containsExactlyInAnyOrder(
                            new Difference(
                                    "repatriation_case_view",
                                    Map.of("case_id", repatriationCase),
                                    "recovered_total",
                                    Difference.Kind.VALUE,
                                    "999",
                                    "12"),
                            new Difference(
                                    "marker_view",
                                    Map.of("marker_id", "SHADOW-314/1"),
                                    null,
                                    Difference.Kind.MISSING_IN_LIVE,
                                    null,
                                    missingMarker.rebuilt()),
                            new Difference(
                                    "processed_position",
                                    Map.of("position", "4711"),
                                    null,
                                    Difference.Kind.MISSING_IN_REBUILT,
                                    "{position=4711, event_id=null, event_type=Invented, aggregate_id=null,"
                                            + " recorded_at=null}",
                                    null));
            assertThat(tampered.result().differences()).isEqualTo(3);
        }
        assertThat(schemas()).noneMatch(name -> name.startsWith("shadow_"));
    }

    @Test
    void aShadowConnectionIsPointedBackAtTheLiveSchemaWhenClosed() throws Exception {
        try (ShadowSchema shadow = ShadowSchema.create(database.dataSource(), "pointed", MIGRATIONS);
                Connection single = database.dataSource().getConnection()) {
            SingleConnectionDataSource pool = new SingleConnectionDataSource(single, true);
            ShadowDataSource shadowed = new ShadowDataSource(pool, shadow.name());

            try (Connection connection = shadowed.getConnection()) {
                assertThat(connection.getSchema()).isEqualTo("shadow_pointed");
                connection
                        .createStatement()
                        .execute("INSERT INTO marker_view (marker_id, status, last_sequence)"
                                + " VALUES ('only-in-shadow', 'PLANNED', 0)");
            }

            assertThat(single.getSchema()).isEqualTo("public");
            assertThat(count("marker_view")).isZero();
        }
    }

    @Test
    void leftoverShadowSchemasAreDropped() {
        ShadowSchema.create(database.dataSource(), "crashed", MIGRATIONS);

        ShadowSchema.dropLeftovers(database.dataSource());

        assertThat(schemas()).doesNotContain("shadow_crashed").contains("public");
    }

    record Outcome(TableComparison.Result result, List<Difference> differences) {}

    /** On a read-only repeatable-read connection, as the service compares. */
    private Outcome compare(ShadowSchema shadow) throws Exception {
        List<Difference> differences = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            var result = TableComparison.compare(connection, connection.getSchema(), shadow.name(), differences::add);
            connection.rollback();
            return new Outcome(result, differences);
        }
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    private List<String> schemas() {
        return jdbc.sql("SELECT schema_name FROM information_schema.schemata")
                .query(String.class)
                .list();
    }

    private static AnnotationConfigApplicationContext service(ReadModelDatabase database) {
        AnnotationConfigApplicationContext service = new AnnotationConfigApplicationContext();
        service.registerBean(JdbcClient.class, database::jdbc);
        service.register(PositionBeans.class);
        service.refresh();
        return service;
    }
}
