package org.borderledger.query.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.borderledger.codec.LedgerCloudEvents;
import org.borderledger.events.EventMetadata;
import org.borderledger.events.indicator.IndicatorCorrected;
import org.borderledger.events.indicator.IndicatorKind;
import org.borderledger.events.indicator.IndicatorReported;
import org.borderledger.query.QueryServiceApplication;
import org.borderledger.query.TopicWriter;
import org.borderledger.testsupport.LedgerHttp;
import org.borderledger.testsupport.LedgerInfrastructureInitializer;
import org.borderledger.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/**
 * A topic that holds indicator reports of revision 1 (published without {@code eventrevision}, without {@code unit})
 * beside reports of revision 2: the read side applies both, and corrections of either.
 */
@SpringBootTest(
        classes = QueryServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + QueryServiceApplication.CONFIG_NAME)
@ContextConfiguration(initializers = LedgerInfrastructureInitializer.class)
class IndicatorRevisionsFromTopicIT {

    private static final AtomicLong POSITIONS = new AtomicLong(6_000_000);
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @LocalServerPort
    int port;

    @Value("${axon.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Value("${axon.kafka.default-topic}")
    String topicName;

    TopicWriter topic;
    LedgerHttp http;

    @BeforeEach
    void openTheTopic() {
        http = new LedgerHttp("http://localhost:" + port);
        topic = new TopicWriter(bootstrapServers, topicName, POSITIONS.getAndAdd(1_000));
    }

    @AfterEach
    void closeTheTopic() {
        topic.close();
    }

    @Test
    void appliesReportsOfRevision1And2AndTheirCorrections() throws Exception {
        String old = "IND-R1-" + UUID.randomUUID().toString().substring(0, 8);
        String current = "IND-R2-" + UUID.randomUUID().toString().substring(0, 8);
        String revision1 = "{\"indicatorId\":\"" + old + "\",\"indicator\":\"VISITORS_VN_TO_KH\","
                + "\"periodFrom\":\"2013-01-01\",\"periodTo\":\"2013-12-31\",\"value\":8000,\"borderGate\":null,"
                + "\"source\":\"Ha Tien border gate\",\"reportingProvince\":\"VN-47\"}";
        topic.sendRaw(TopicWriter.CODEC.signed(
                CloudEventBuilder.v1()
                        .withId(UUID.randomUUID().toString())
                        .withSource(LedgerCloudEvents.SOURCE)
                        .withType("IndicatorReported")
                        .withSubject(old)
                        .withExtension(LedgerCloudEvents.AGGREGATE_TYPE, "CooperationIndicator")
                        .withExtension(LedgerCloudEvents.AGGREGATE_SEQUENCE, 0L)
                        .withExtension(EventMetadata.POSITION, topic.takePosition())
                        .withExtension(EventMetadata.UNIT, "KG-STATISTICS")
                        .withDataContentType("application/json")
                        .withData(revision1.getBytes(StandardCharsets.UTF_8))
                        .build(),
                topicName,
                old));
        topic.send("CooperationIndicator", old, 1, new IndicatorCorrected(old, 8000, 8200, "Late count"));
        topic.send(
                "CooperationIndicator",
                current,
                0,
                new IndicatorReported(
                        current,
                        IndicatorKind.EXPORTS_USD,
                        LocalDate.of(2013, 1, 1),
                        LocalDate.of(2013, 12, 31),
                        5_000_000,
                        null,
                        "DOIT",
                        "VN-47"));

        JsonNode revision1View = awaitIndicator(old);
        assertThat(revision1View.get("kind").asText()).isEqualTo("VISITORS_VN_TO_KH");
        assertThat(revision1View.get("value").asLong()).isEqualTo(8200);
        assertThat(revision1View.get("history").get(0).get("value").asLong()).isEqualTo(8000);
        assertThat(awaitIndicator(current).get("value").asLong()).isEqualTo(5_000_000);
    }

    private JsonNode awaitIndicator(String id) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            LedgerHttp.Response response = http.get("/api/indicators/" + id, Tokens.auditor());
            if (response.status() == 200 && response.json().get("history").size() > 0
                    || response.status() == 200 && id.startsWith("IND-R2-")) {
                return response.json();
            }
            assertThat(System.nanoTime())
                    .as("indicator %s not shown within %s: %s", id, PATIENCE, response.body())
                    .isLessThan(deadline);
            Thread.sleep(200);
        }
    }
}
