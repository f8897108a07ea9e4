package org.borderledger.query.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.borderledger.events.EventMetadata;
import org.borderledger.events.GeoPoint;
import org.borderledger.events.Side;
import org.borderledger.events.marker.MarkerPlanned;
import org.borderledger.events.marker.MarkerType;
import org.borderledger.query.QueryServiceApplication;
import org.borderledger.query.TopicWriter;
import org.borderledger.testsupport.LedgerHttp;
import org.borderledger.testsupport.LedgerInfrastructureInitializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.ContextConfiguration;

/**
 * What an operator of the read side sees: the projections' lag per partition on the management port, and the trace a
 * record brings with it ({@code traceparent}) continued by the projections' span. This context has a database of its
 * own ({@code query-operations}), so its projections process every record themselves.
 */
@SpringBootTest(
        classes = {QueryServiceApplication.class, QueryOperationsIT.Spans.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=" + QueryServiceApplication.CONFIG_NAME,
            "spring.application.name=query-operations",
            "ledger.metrics.refresh=500ms"
        })
@ContextConfiguration(initializers = LedgerInfrastructureInitializer.class)
@AutoConfigureObservability
class QueryOperationsIT {

    private static final AtomicLong POSITIONS = new AtomicLong(3_000_000);

    @TestConfiguration(proxyBeanMethods = false)
    static class Spans {

        @Bean
        InMemorySpanExporter spans() {
            return InMemorySpanExporter.create();
        }
    }

    @LocalManagementPort
    int managementPort;

    @Value("${axon.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Value("${axon.kafka.default-topic}")
    String topic;

    @Autowired
    InMemorySpanExporter spans;

    LedgerHttp management;

    @BeforeEach
    void client() {
        management = new LedgerHttp("http://localhost:" + managementPort);
    }

    @Test
    void theProjectionContinuesTheTraceThatTheRecordCarries() throws Exception {
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String traceparent = "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01";

        send("OPS-TRACE-" + UUID.randomUUID(), traceparent);

        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<SpanData> ofTheWrite = List.of();
        while (ofTheWrite.isEmpty() && System.nanoTime() < deadline) {
            ofTheWrite = spans.getFinishedSpanItems().stream()
                    .filter(span -> span.getTraceId().equals(traceId))
                    .filter(span -> span.getName().startsWith("MarkerProjection"))
                    .toList();
            Thread.sleep(200);
        }
        assertThat(ofTheWrite)
                .as(
                        "spans of trace %s; all span names: %s",
                        traceId,
                        spans.getFinishedSpanItems().stream()
                                .map(SpanData::getName)
                                .distinct()
                                .toList())
                .isNotEmpty();
    }

    @Test
    void scrapesTheProjectionLagOfEveryPartitionWithoutAToken() throws Exception {
        for (int i = 0; i < 6; i++) {
            send("OPS-LAG-" + UUID.randomUUID(), null);
        }

        String metrics = eventually(text -> {
            List<Double> lags = values(text, "ledger_projection_lag_records");
            return !lags.isEmpty() && lags.stream().allMatch(lag -> lag == 0);
        });

        assertThat(metrics).contains("ledger_projection_lag_records{").contains("partition=\"0\"");
        assertThat(values(metrics, "ledger_deadletters"))
                .as("records parked by the read side (the shared topic holds other tests' forged records)")
                .singleElement()
                .satisfies(parked -> assertThat(parked).isNotNaN().isGreaterThanOrEqualTo(0));
        assertThat(metrics).containsPattern("eventProcessor_\\w+\\{[^}]*processorName=\"projections\"");
    }

    private void send(String markerId, String traceparent) {
        MetaData metadata = MetaData.with(EventMetadata.UNIT, "OPS-UNIT");
        if (traceparent != null) {
            metadata = metadata.and("traceparent", traceparent);
        }
        var event = new GenericDomainEventMessage<>(
                "BorderMarker",
                markerId,
                0,
                new MarkerPlanned(markerId, MarkerType.MAIN, new GeoPoint(10.42, 104.49), Side.VN),
                metadata);
        try (TopicWriter writer = new TopicWriter(bootstrapServers, topic, POSITIONS.getAndAdd(1))) {
            writer.sendRaw(TopicWriter.CODEC.createKafkaMessage(event, topic, writer.takePosition()));
        }
    }

    private String eventually(Predicate<String> settled) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        String text;
        do {
            LedgerHttp.Response scraped = management.get("/actuator/prometheus", null);
            assertThat(scraped.status()).isEqualTo(200);
            text = scraped.body();
            if (settled.test(text)) {
                return text;
            }
            Thread.sleep(250);
        } while (System.nanoTime() < deadline);
        throw new AssertionError(
                "The projection lag did not settle within 90 s: " + values(text, "ledger_projection_lag_records"));
    }

    private static List<Double> values(String prometheus, String name) {
        Matcher sample = Pattern.compile("(?m)^" + name + "\\{[^}]*} (\\S+)$").matcher(prometheus);
        return sample.results()
                .map(result -> Double.parseDouble(result.group(1)))
                .toList();
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        ThreadLocalRandom.current().nextBytes(bytes);
        bytes[0] |= 1;
        return bytes;
    }
}
