package org.borderledger.query.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.borderledger.events.GeoPoint;
import org.borderledger.events.Side;
import org.borderledger.events.agreement.AgreementAmended;
import org.borderledger.events.agreement.AgreementReviewed;
import org.borderledger.events.agreement.AgreementSigned;
import org.borderledger.events.agreement.AgreementTerminated;
import org.borderledger.events.agreement.CooperationDomain;
import org.borderledger.events.agreement.Signatory;
import org.borderledger.events.indicator.IndicatorCorrected;
import org.borderledger.events.indicator.IndicatorKind;
import org.borderledger.events.indicator.IndicatorReported;
import org.borderledger.events.marker.MarkerCompleted;
import org.borderledger.events.marker.MarkerCompletionReported;
import org.borderledger.events.marker.MarkerDamaged;
import org.borderledger.events.marker.MarkerPlanned;
import org.borderledger.events.marker.MarkerRepaired;
import org.borderledger.events.marker.MarkerType;
import org.borderledger.events.repatriation.RecoverySite;
import org.borderledger.events.repatriation.RemainsRecovered;
import org.borderledger.events.repatriation.RemainsRepatriated;
import org.borderledger.events.repatriation.RepatriationCaseOpened;
import org.borderledger.query.EventFeed;
import org.borderledger.query.ReadModelDatabase;
import org.borderledger.query.ReadModelTables;
import org.borderledger.query.ReadModels;
import org.borderledger.query.readmodel.ReadModelWrites.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCallback;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The projections write a processor batch as JDBC batches; what they leave must be what they leave one event at a
 * time, whatever the batch mixes: several event types and aggregates, an aggregate's whole life, redeliveries.
 */
class ReadModelWritesTest {

    static final LocalDate DAY = LocalDate.of(2021, 3, 2);

    final AnnotationConfigApplicationContext oneByOne = new AnnotationConfigApplicationContext(ReadModels.class);
    final AnnotationConfigApplicationContext batched = new AnnotationConfigApplicationContext(ReadModels.class);

    @AfterEach
    void close() {
        oneByOne.close();
        batched.close();
    }

    @Test
    void processorBatchesWithRedeliveriesLeaveWhatOneEventAtATimeLeaves() {
        List<DomainEventMessage<?>> history = history(ReadModels.feed(oneByOne));

        EventFeed feed = ReadModels.feed(batched);
        List<List<DomainEventMessage<?>>> batches = batchesWithRedeliveries(history, 7);
        batches.forEach(batch -> inProcessorBatch(batch, feed, batched));

        assertThat(tables(batched)).isEqualTo(tables(oneByOne));
        assertThat(count(batched, "marker_view")).isEqualTo(6);
        assertThat(count(batched, "agreement_amendment_line")).isEqualTo(12);
        assertThat(count(batched, "processed_position")).isEqualTo(history.size());

        inProcessorBatch(history, feed, batched);
        assertThat(tables(batched)).as("the whole history again, in one batch").isEqualTo(tables(oneByOne));
    }

    @Test
    void transactionsWithRedeliveriesLeaveWhatOneEventAtATimeLeaves() {
        List<DomainEventMessage<?>> history = history(ReadModels.feed(oneByOne));

        EventFeed feed = ReadModels.feed(batched);
        TransactionTemplate transaction = new TransactionTemplate(batched.getBean(PlatformTransactionManager.class));
        for (List<DomainEventMessage<?>> batch : batchesWithRedeliveries(history, 11)) {
            transaction.executeWithoutResult(status -> batch.forEach(feed::deliver));
        }

        assertThat(tables(batched)).isEqualTo(tables(oneByOne));
    }

    @Test
    void aTransactionSendsOneBatchPerStatementAndRoundKeepingEachRowsOrder() {
        ReadModelDatabase database = ReadModelDatabase.migrated();
        List<String> sent = new ArrayList<>();
        JdbcTemplate counting = new JdbcTemplate(database.dataSource()) {
            @Override
            public <T> T execute(String sql, PreparedStatementCallback<T> action) {
                sent.add(sql.substring(0, sql.indexOf(' ', 7)));
                return super.execute(sql, action);
            }
        };
        ReadModelWrites writes = new ReadModelWrites(counting);
        SequencedView view = new SequencedView("marker_view", "marker_id");
        Statement planned = view.create("marker_type, status", ":type, 'PLANNED'");
        Statement reported = view.update("status = 'REPORTED'");
        Statement damaged = view.update("status = 'DAMAGED'");

        new TransactionTemplate(database.transactions()).executeWithoutResult(status -> {
            for (int i = 0; i < 50; i++) {
                writes.write(planned, Row.of("M-" + i, 0).with("type", "SUB"));
                writes.write(reported, Row.of("M-" + i, 1));
                writes.write(damaged, Row.of("M-" + i, 2));
                if (i % 2 == 0) {
                    writes.write(reported, Row.of("M-" + i, 3));
                }
            }
        });

        assertThat(sent)
                .as("150 changes of 50 rows, then a fourth on half of them")
                .hasSize(4);
        JdbcClient jdbc = database.jdbc();
        assertThat(jdbc.sql("SELECT status FROM marker_view WHERE marker_id = 'M-2'")
                        .query(String.class)
                        .single())
                .isEqualTo("REPORTED");
        assertThat(jdbc.sql("SELECT status FROM marker_view WHERE marker_id = 'M-3'")
                        .query(String.class)
                        .single())
                .isEqualTo("DAMAGED");
        assertThat(jdbc.sql("SELECT count(*) FROM marker_view WHERE last_sequence = 3")
                        .query(Integer.class)
                        .single())
                .isEqualTo(25);
    }

    /** Delivers {@code batch} the way the tracking processor does: one unit of work, one transaction. */
    private static void inProcessorBatch(
            List<DomainEventMessage<?>> batch, EventFeed feed, AnnotationConfigApplicationContext context) {
        PlatformTransactionManager transactions = context.getBean(PlatformTransactionManager.class);
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(new ArrayList<>(batch));
        unitOfWork.attachTransaction(new SpringTransactionManager(transactions));
        try {
            unitOfWork.executeWithResult(() -> {
                feed.deliver((DomainEventMessage<?>) CurrentUnitOfWork.get().getMessage());
                return null;
            });
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        assertThat(unitOfWork.getExecutionResult().isExceptionResult()).isFalse();
    }

    /** Every batch of {@code size} events ends with two events delivered again: its own first and one before it. */
    private static List<List<DomainEventMessage<?>>> batchesWithRedeliveries(
            List<DomainEventMessage<?>> history, int size) {
        List<List<DomainEventMessage<?>>> batches = new ArrayList<>();
        for (int from = 0; from < history.size(); from += size) {
            List<DomainEventMessage<?>> batch =
                    new ArrayList<>(history.subList(from, Math.min(from + size, history.size())));
            batch.add(batch.get(0));
            batch.add(history.get(from / 2));
            batches.add(batch);
        }
        return batches;
    }

    /** Six aggregates of each kind, each through its whole life, their events interleaved. */
    private static List<DomainEventMessage<?>> history(EventFeed feed) {
        for (int i = 0; i < 6; i++) {
            String marker = "M-" + i;
            String agreement = "A-" + i;
            String repatriationCase = "R-" + i;
            String indicator = "I-" + i;
            feed.publish(marker, new MarkerPlanned(marker, MarkerType.SUB, new GeoPoint(10.4, 104.5), Side.VN));
            feed.publish(agreement, signed(agreement));
            feed.publish(
                    repatriationCase,
                    new RepatriationCaseOpened(repatriationCase, "2020-2021", "KH-7", "K90", "VN-47"));
            feed.publish(
                    indicator,
                    new IndicatorReported(
                            indicator,
                            IndicatorKind.TRADE_TURNOVER_USD,
                            DAY,
                            DAY.plusMonths(1),
                            100,
                            "Hà Tiên",
                            "customs",
                            "VN-47"),
                    Map.of("submitter", "unit-" + i));
            feed.publish(marker, new MarkerCompletionReported(marker, DAY, new GeoPoint(10.41, 104.51), Side.VN));
            feed.publish(
                    agreement, new AgreementReviewed(agreement, DAY.plusMonths(6), DAY, DAY.plusMonths(5), "on track"));
            feed.publish(
                    repatriationCase,
                    new RemainsRecovered(
                            repatriationCase,
                            DAY.plusDays(i),
                            3,
                            new RecoverySite("KH-7", "Kampong Trach", null, null)));
            feed.publish(indicator, new IndicatorCorrected(indicator, 100, 120, "late count"));
            feed.publish(marker, new MarkerCompleted(marker, DAY.plusDays(5), Side.KH));
            feed.publish(
                    agreement,
                    new AgreementAmended(
                            agreement,
                            DAY.plusMonths(7),
                            "adds security",
                            Set.of(CooperationDomain.BORDER_SECURITY),
                            null,
                            "AM-1"));
            feed.publish(repatriationCase, new RemainsRecovered(repatriationCase, DAY.minusDays(i), 2, null));
            feed.publish(marker, new MarkerDamaged(marker, DAY.plusYears(1), "flood"));
            feed.publish(
                    agreement,
                    new AgreementAmended(agreement, DAY.plusMonths(8), "extends", null, DAY.plusYears(3), null));
            feed.publish(
                    repatriationCase, new RemainsRepatriated(repatriationCase, DAY.plusMonths(2), 4, "Hà Tiên", "K72"));
            feed.publish(indicator, new IndicatorCorrected(indicator, 120, 118, "audit"));
            feed.publish(marker, new MarkerRepaired(marker, DAY.plusYears(2), "recast"));
            feed.publish(
                    agreement, new AgreementReviewed(agreement, DAY.plusMonths(12), DAY, DAY.plusMonths(11), "done"));
            feed.publish(marker, new MarkerDamaged(marker, DAY.plusYears(3), "storm"));
            if (i % 2 == 0) {
                feed.publish(agreement, new AgreementTerminated(agreement, DAY.plusYears(2), "superseded"));
            }
        }
        return feed.published();
    }

    private static AgreementSigned signed(String id) {
        return new AgreementSigned(
                id,
                "Plan " + id,
                List.of("VN-47", "KH-7"),
                DAY,
                "Hà Tiên",
                List.of(new Signatory("Nguyễn Văn A", "Vice-chairman", "VN-47")),
                Set.of(CooperationDomain.TRADE, CooperationDomain.REMAINS_REPATRIATION),
                DAY,
                DAY.plusYears(1),
                "DOC-" + id);
    }

    private static Map<String, List<Map<String, Object>>> tables(AnnotationConfigApplicationContext context) {
        return ReadModelTables.snapshot(
                new JdbcTemplate(context.getBean(ReadModelDatabase.class).dataSource()));
    }

    private static long count(AnnotationConfigApplicationContext context, String table) {
        return tables(context).get(table).size();
    }
}
