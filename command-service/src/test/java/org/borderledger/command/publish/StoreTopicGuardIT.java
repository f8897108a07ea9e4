package org.borderledger.command.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.borderledger.command.CommandServiceApplication;
import org.borderledger.events.Provinces;
import org.borderledger.events.Side;
import org.borderledger.security.LedgerPrincipal;
import org.borderledger.testsupport.LedgerHttp;
import org.borderledger.testsupport.TestInfrastructure;
import org.borderledger.testsupport.Tokens;
import org.borderledger.testsupport.TopicReader;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A store that ends below a position already on the topic (it lost events, or was restored from an older backup) must
 * not publish: its next events would carry positions that other facts already hold on the topic.
 */
class StoreTopicGuardIT {

    private final TestInfrastructure infrastructure = TestInfrastructure.get();
    private String topic = "ledger.guard." + UUID.randomUUID();

    @Test
    void publishesNothingWhileTheTopicIsAheadOfTheStoreUntilRepublishedIntoANewTopic() {
        try (ConfigurableApplicationContext service = start("guard-original")) {
            LedgerHttp http = http(service);
            for (int i = 0; i < 3; i++) {
                assertThat(planMarker(http).status()).isEqualTo(201);
            }
            assertThat(new TopicReader(infrastructure.kafkaBootstrap(), topic).read(record -> true, 3, WAIT))
                    .hasSize(3);
            LedgerHttp.Response health = http.get("/actuator/health/storeTopic", null);
            assertThat(health.status()).as(health.body()).isEqualTo(200);
            assertThat(health.json().at("/details/storeEnd").asLong())
                    .isEqualTo(health.json().at("/details/topicEnd").asLong());
        }

        try (ConfigurableApplicationContext restoredFromEmptyBackup = start("guard-restored")) {
            LedgerHttp http = http(restoredFromEmptyBackup);
            LedgerHttp.Response health = http.get("/actuator/health", null);
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.json().at("/components/storeTopic/status").asText())
                    .isEqualTo("DOWN");
            assertThat(health.json().at("/components/storeTopic/details/reason").asText())
                    .contains("ends at position 0", "already holds position 3", topic);

            assertThat(planMarker(http).status())
                    .as("the store still accepts facts")
                    .isEqualTo(201);
            assertThat(publisherRefusal(restoredFromEmptyBackup))
                    .as("the publisher refuses its batch")
                    .isInstanceOf(StoreBehindTopic.class);
            assertThat(new TopicReader(infrastructure.kafkaBootstrap(), topic).read(record -> true, 4, SHORT_WAIT))
                    .as("and the topic holds only what the first store published")
                    .hasSize(3);
        }

        topic = "ledger.guard.republished." + UUID.randomUUID();
        try (ConfigurableApplicationContext republishing = start("guard-restored")) {
            LedgerHttp http = http(republishing);
            assertThat(http.get("/actuator/health/storeTopic", null).status())
                    .as("on a new topic the store is not behind")
                    .isEqualTo(200);
            LedgerHttp.Response started = http.post("/api/admin/republications", ADMIN, "{\"fromPosition\":1}");
            assertThat(started.status()).as(started.body()).isEqualTo(202);
            String id = started.json().get("id").asText();
            long deadline = System.nanoTime() + WAIT.toNanos();
            LedgerHttp.Response progress = http.get("/api/admin/republications/" + id, ADMIN);
            while (progress.json().get("status").asText().equals("RUNNING") && System.nanoTime() < deadline) {
                sleep();
                progress = http.get("/api/admin/republications/" + id, ADMIN);
            }
            assertThat(progress.json().get("status").asText())
                    .as(progress.body())
                    .isEqualTo("COMPLETED");
            assertThat(new TopicReader(infrastructure.kafkaBootstrap(), topic).read(record -> true, 1, WAIT))
                    .as("the restored store's history is on the new topic, to rebuild the read side from")
                    .isNotEmpty();
        }
    }

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String ADMIN = Tokens.of(new LedgerPrincipal(
            "it-admin", "LEDGER-OPERATIONS", Side.KH, Provinces.KAMPOT, Set.of(LedgerPrincipal.ADMIN)));
    private static final Duration SHORT_WAIT = Duration.ofSeconds(3);

    private static Throwable publisherRefusal(ConfigurableApplicationContext service) {
        TrackingEventProcessor publisher = service.getBean(EventProcessingConfiguration.class)
                .eventProcessor(OutboxPublisher.PROCESSING_GROUP, TrackingEventProcessor.class)
                .orElseThrow();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Throwable error = publisher.processingStatus().values().stream()
                    .filter(EventTrackerStatus::isErrorState)
                    .map(EventTrackerStatus::getError)
                    .findFirst()
                    .orElse(null);
            if (error != null) {
                return error;
            }
            sleep();
        }
        return null;
    }

    private static LedgerHttp.Response planMarker(LedgerHttp http) {
        return http.post(
                "/api/markers",
                Tokens.kienGiang(),
                "{\"id\":\"G-" + UUID.randomUUID()
                        + "\",\"type\":\"MAIN\",\"plannedLat\":10.42,\"plannedLon\":104.49,\"responsibleSide\":\"VN\"}");
    }

    private ConfigurableApplicationContext start(String database) {
        return new SpringApplicationBuilder(CommandServiceApplication.class)
                .properties("spring.config.name=" + CommandServiceApplication.CONFIG_NAME)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + infrastructure.database(database),
                        "--spring.datasource.username=" + infrastructure.user(),
                        "--spring.datasource.password=" + infrastructure.password(),
                        "--axon.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrap(),
                        "--axon.kafka.default-topic=" + topic,
                        "--ledger.security.jwt-secret=" + TestInfrastructure.JWT_SECRET,
                        "--ledger.records.keys=" + TestInfrastructure.RECORD_KEYS,
                        "--ledger.audit.signing.key-file=target/it-seal-key.pem",
                        "--ledger.audit.signing.generate=true");
    }

    private static LedgerHttp http(ConfigurableApplicationContext service) {
        int port = ((WebServerApplicationContext) service).getWebServer().getPort();
        return new LedgerHttp("http://localhost:" + port);
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
