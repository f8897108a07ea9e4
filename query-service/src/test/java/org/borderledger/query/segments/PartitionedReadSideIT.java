package org.borderledger.query.segments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.borderledger.events.GeoPoint;
import org.borderledger.events.Side;
import org.borderledger.events.marker.MarkerPlanned;
import org.borderledger.events.marker.MarkerType;
import org.borderledger.query.AdminTokens;
import org.borderledger.query.QueryServiceApplication;
import org.borderledger.query.TopicWriter;
import org.borderledger.query.infra.PartitionStreams;
import org.borderledger.query.rebuild.ProcessedOffsetRepository;
import org.borderledger.testsupport.LedgerInfrastructureInitializer;
import org.borderledger.testsupport.TestInfrastructure;
import org.borderledger.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two query-service instances on one read-model database and one topic of six partitions: they divide the partitions
 * (each segment reads one partition, each instance holds its share of the segments), every event is projected once,
 * a read with {@code minPosition} on either instance waits for an event whichever instance projects it, a replay on one
 * instance rebuilds every partition and the segments are shared out again, and when one instance leaves the other
 * takes its partitions and carries on from their committed offsets.
 */
class PartitionedReadSideIT {

    private static final String SERVICE = "query-service-partitioned";
    private static final String TOPIC = "ledger.events.partitioned";
    private static final int PARTITIONS = 6;

    private final List<ConfigurableApplicationContext> instances = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stopInstances() {
        instances.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void instancesOnOneDatabaseDivideThePartitionsAndHandThemOverWhenOneLeaves() throws Exception {
        ConfigurableApplicationContext a = start("instance-a");
        JdbcClient db = JdbcClient.create(a.getBean(javax.sql.DataSource.class));
        try (TopicWriter topic = new TopicWriter(TestInfrastructure.get().kafkaBootstrap(), TOPIC, 1)) {
            List<Long> positions = plan(topic, 0, 24);
            ConfigurableApplicationContext b = start("instance-b");

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(owners(db))
                    .as("segment owners")
                    .containsOnlyKeys("instance-a", "instance-b")
                    .allSatisfy((owner, segments) -> assertThat(segments).hasSize(PARTITIONS / 2)));
            assertThat(held(a)).doesNotContainAnyElementsOf(held(b));
            assertThat(tokenPartitions(db))
                    .as("each segment's token names its own partition alone")
                    .isEqualTo(
                            Map.of(0, Set.of(0), 1, Set.of(1), 2, Set.of(2), 3, Set.of(3), 4, Set.of(4), 5, Set.of(5)));

            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(processed(db)).isEqualTo(24));
            Map<String, Set<Integer>> shares = owners(db);
            Map<Integer, Long> before =
                    a.getBean(ProcessedOffsetRepository.class).read();

            positions.addAll(plan(topic, 24, 48));
            for (long position : positions) {
                assertThat(readAfter(b, position))
                        .as("read on b after position %d", position)
                        .isEqualTo(200);
                assertThat(readAfter(a, position))
                        .as("read on a after position %d", position)
                        .isEqualTo(200);
            }
            assertThat(processed(db)).isEqualTo(48);
            assertThat(markers(db)).isEqualTo(48);
            assertThat(owners(db)).as("no segment changed hands meanwhile").isEqualTo(shares);
            Map<Integer, Long> after =
                    a.getBean(ProcessedOffsetRepository.class).read();
            shares.forEach((owner, segments) -> assertThat(segments)
                    .as("partitions %s advanced while %s held them", segments, owner)
                    .anySatisfy(partition ->
                            assertThat(after.get(partition)).isGreaterThan(before.getOrDefault(partition, -1L))));

            HttpResponse<String> replay = replayOn(b);
            assertThat(replay.body()).as("replay on b").contains("\"COMPLETED\"");
            assertThat(processed(db))
                    .as("every event projected once the replay says it completed")
                    .isEqualTo(48);
            assertThat(markers(db)).isEqualTo(48);
            assertThat(tokenPartitions(db))
                    .as("after the replay, each token still names its own partition alone")
                    .isEqualTo(
                            Map.of(0, Set.of(0), 1, Set.of(1), 2, Set.of(2), 3, Set.of(3), 4, Set.of(4), 5, Set.of(5)));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(owners(db))
                    .as("shared out again after the replay took every segment")
                    .containsOnlyKeys("instance-a", "instance-b"));

            b.close();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(owners(db))
                    .containsOnlyKeys("instance-a")
                    .allSatisfy((owner, segments) -> assertThat(segments).hasSize(PARTITIONS)));
            List<Long> later = plan(topic, 48, 60);
            for (long position : later) {
                assertThat(readAfter(a, position)).isEqualTo(200);
            }
            assertThat(processed(db)).isEqualTo(60);
            assertThat(markers(db)).isEqualTo(60);

            // tokens of the earlier layout (one segment reading every partition) are laid out per partition, each
            // partition keeping its offset
            TrackingEventProcessor processor = a.getBean(EventProcessingConfiguration.class)
                    .eventProcessor(ProcessedOffsetRepository.PROCESSOR, TrackingEventProcessor.class)
                    .orElseThrow();
            processor.shutDown();
            Map<Integer, Long> reached =
                    a.getBean(ProcessedOffsetRepository.class).read();
            TokenStore tokenStore = a.getBean(TokenStore.class);
            db.sql("DELETE FROM token_entry WHERE processor_name = :p AND segment > 0")
                    .param("p", ProcessedOffsetRepository.PROCESSOR)
                    .update();
            // a segment nobody holds is neither extended nor stored under without being claimed first
            assertThatThrownBy(() -> tokenStore.extendClaim(ProcessedOffsetRepository.PROCESSOR, 0))
                    .isInstanceOf(UnableToClaimTokenException.class);
            assertThatThrownBy(() -> tokenStore.storeToken(
                            PartitionStreams.tokenFor(TOPIC, reached), ProcessedOffsetRepository.PROCESSOR, 0))
                    .isInstanceOf(UnableToClaimTokenException.class);
            tokenStore.fetchToken(ProcessedOffsetRepository.PROCESSOR, 0);
            tokenStore.storeToken(PartitionStreams.tokenFor(TOPIC, reached), ProcessedOffsetRepository.PROCESSOR, 0);
            tokenStore.releaseClaim(ProcessedOffsetRepository.PROCESSOR, 0);
            assertThat(tokenPartitions(db)).containsOnlyKeys(0);

            a.getBean(ProjectionSegments.class).ensure();

            assertThat(tokenPartitions(db))
                    .isEqualTo(
                            Map.of(0, Set.of(0), 1, Set.of(1), 2, Set.of(2), 3, Set.of(3), 4, Set.of(4), 5, Set.of(5)));
            assertThat(a.getBean(ProcessedOffsetRepository.class).read()).isEqualTo(reached);
            processor.start();
            for (long position : plan(topic, 60, 66)) {
                assertThat(readAfter(a, position)).isEqualTo(200);
            }
            assertThat(processed(db)).isEqualTo(66);
        }
    }

    private ConfigurableApplicationContext start(String node) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(QueryServiceApplication.class)
                .initializers(new LedgerInfrastructureInitializer())
                .run(
                        "--spring.config.name=" + QueryServiceApplication.CONFIG_NAME,
                        "--spring.application.name=" + SERVICE,
                        "--axon.kafka.default-topic=" + TOPIC,
                        "--server.port=0",
                        "--management.server.port=0",
                        "--ledger.tokens.node-id=" + node,
                        "--ledger.tokens.claim-timeout=3s",
                        "--ledger.projections.balance-interval=500ms",
                        "--ledger.projections.member-timeout=3s");
        instances.add(context);
        return context;
    }

    /** Plans markers {@code from} to {@code to} - 1, one aggregate each (so across the partitions); their positions. */
    private static List<Long> plan(TopicWriter topic, int from, int to) {
        List<Long> positions = new ArrayList<>();
        for (int i = from; i < to; i++) {
            String id = "P-" + i + "/1";
            positions.add(topic.send(
                    "BorderMarker", id, 0, new MarkerPlanned(id, MarkerType.SUB, new GeoPoint(10.4, 104.5), Side.VN)));
        }
        return positions;
    }

    private int readAfter(ConfigurableApplicationContext instance, long position) throws Exception {
        String port = instance.getEnvironment().getProperty("local.server.port");
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/markers?minPosition=" + position))
                .header("Authorization", "Bearer " + Tokens.auditor())
                .header("Prefer", "wait=30")
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Replays the read models on {@code instance}; the replay's record once it ended. */
    private HttpResponse<String> replayOn(ConfigurableApplicationContext instance) throws Exception {
        String base = "http://localhost:" + instance.getEnvironment().getProperty("local.server.port");
        HttpResponse<String> started = http.send(
                HttpRequest.newBuilder(URI.create(base + "/api/admin/replays"))
                        .header("Authorization", "Bearer " + AdminTokens.admin())
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        URI location = URI.create(started.headers().firstValue("Location").orElseThrow());
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            HttpResponse<String> replay = http.send(
                    HttpRequest.newBuilder(location)
                            .header("Authorization", "Bearer " + AdminTokens.admin())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (!replay.body().contains("\"RUNNING\"") || System.nanoTime() > deadline) {
                return replay;
            }
            Thread.sleep(200);
        }
    }

    private static Map<String, Set<Integer>> owners(JdbcClient db) {
        Map<String, Set<Integer>> owners = new TreeMap<>();
        db.sql("SELECT owner, segment FROM token_entry WHERE processor_name = :p AND owner IS NOT NULL")
                .param("p", ProcessedOffsetRepository.PROCESSOR)
                .query(rs -> {
                    owners.computeIfAbsent(rs.getString("owner"), o -> new TreeSet<>())
                            .add(rs.getInt("segment"));
                });
        return owners;
    }

    private Map<Integer, Set<Integer>> tokenPartitions(JdbcClient db) {
        Map<Integer, Set<Integer>> partitions = new TreeMap<>();
        instances
                .get(0)
                .getBean(ProcessedOffsetRepository.class)
                .tokens()
                .forEach((segment, token) -> partitions.put(segment, PartitionStreams.partitionsOf(token, TOPIC)));
        return partitions;
    }

    private static Set<Integer> held(ConfigurableApplicationContext instance) {
        return instance.getBean(EventProcessingConfiguration.class)
                .eventProcessor(ProcessedOffsetRepository.PROCESSOR, TrackingEventProcessor.class)
                .orElseThrow()
                .processingStatus()
                .keySet();
    }

    private static long processed(JdbcClient db) {
        return db.sql("SELECT count(*) FROM processed_position")
                .query(Long.class)
                .single();
    }

    private static long markers(JdbcClient db) {
        return db.sql("SELECT count(*) FROM marker_view WHERE marker_id LIKE 'P-%'")
                .query(Long.class)
                .single();
    }
}
