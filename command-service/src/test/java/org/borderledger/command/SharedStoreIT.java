package org.borderledger.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.borderledger.testsupport.LedgerHttp;
import org.borderledger.testsupport.LedgerInfrastructureInitializer;
import org.borderledger.testsupport.Tokens;
import org.borderledger.testsupport.TopicReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two command-service instances on one event store and one broker, as two application contexts with node ids of
 * their own. Instance A reaches the database through a TCP relay the test can cut, which is, as the database and B
 * see it, what a crashed instance looks like: its claims stop being extended and nothing it holds is released.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SharedStoreIT {

    private static final Duration TAKEOVER = Duration.ofSeconds(3);
    private static final String PUBLISHER = "kafka-publisher";

    private static Relay relayOfA;
    private static ConfigurableApplicationContext a;
    private static ConfigurableApplicationContext b;
    private static LedgerHttp httpA;
    private static LedgerHttp httpB;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void startBothInstances() throws IOException {
        b = start("it-command-b", Map.of());
        jdbc = b.getBean(JdbcTemplate.class);
        String url = b.getEnvironment().getRequiredProperty("spring.datasource.url");
        URI database = URI.create(url.substring("jdbc:".length()));
        relayOfA = new Relay(database.getHost(), database.getPort());
        String relayed = url.replace(database.getHost() + ":" + database.getPort(), "127.0.0.1:" + relayOfA.port());
        // B started first and holds the publisher's token; A takes it over when B stops, so that A publishes
        b.getBean(EventProcessingConfiguration.class)
                .eventProcessor(PUBLISHER, TrackingEventProcessor.class)
                .orElseThrow()
                .shutDown();
        a = start(
                "it-command-a",
                Map.of("spring.datasource.url", relayed, "spring.datasource.hikari.connection-timeout", "2000"));
        awaitOwner("it-command-a", Duration.ofSeconds(20));
        b.getBean(EventProcessingConfiguration.class)
                .eventProcessor(PUBLISHER, TrackingEventProcessor.class)
                .orElseThrow()
                .start();
        httpA = new LedgerHttp("http://127.0.0.1:" + port(a));
        httpB = new LedgerHttp("http://127.0.0.1:" + port(b));
    }

    @AfterAll
    static void stopBoth() throws IOException {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
        if (relayOfA != null) {
            relayOfA.close();
        }
    }

    @Test
    @Order(1)
    void exactlyOneInstancePublishesAndEveryWriteOfEitherReachesTheTopic() {
        assertThat(publishingSegments(a)).containsExactly(0);
        assertThat(publishingSegments(b)).isEmpty();
        String viaA = plannedMarker(httpA);
        String viaB = plannedMarker(httpB);

        TopicReader topic = new TopicReader(bootstrap(), topic());
        assertThat(topic.read(record -> Set.of(viaA, viaB).contains(record.key()), 2, Duration.ofSeconds(20)))
                .extracting(ConsumerRecord::key)
                .contains(viaA, viaB);
        assertThat(owner()).isEqualTo("it-command-a");
    }

    @Test
    @Order(2)
    void aRetryOnTheOtherInstanceAnswersTheFirstAnswerAndRecordsNothing() throws Exception {
        String id = "SHARED-" + UUID.randomUUID();
        String body = markerBody(id);
        Map<String, String> key = Map.of("Idempotency-Key", "shared-" + id);

        LedgerHttp.Response first = httpA.post("/api/markers", Tokens.kienGiang(), body, key);
        LedgerHttp.Response retry = httpB.post("/api/markers", Tokens.kienGiang(), body, key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json()).isEqualTo(first.json());

        String concurrentId = "SHARED-" + UUID.randomUUID();
        Map<String, String> concurrentKey = Map.of("Idempotency-Key", "shared-" + concurrentId);
        List<LedgerHttp.Response> both = bothAtOnce(
                () -> httpA.post("/api/markers", Tokens.kienGiang(), markerBody(concurrentId), concurrentKey),
                () -> httpB.post("/api/markers", Tokens.kienGiang(), markerBody(concurrentId), concurrentKey));
        assertThat(both).extracting(LedgerHttp.Response::status).containsExactly(201, 201);
        assertThat(both.get(1).json()).isEqualTo(both.get(0).json());

        assertThat(eventsOf(id)).isEqualTo(1);
        assertThat(eventsOf(concurrentId)).isEqualTo(1);
    }

    @Test
    @Order(3)
    void ofTwoConcurrentWritesToOneAggregateOnTwoInstancesOneWinsAndTheOtherIsRefusedNeverFailed() throws Exception {
        List<String> losers = new ArrayList<>();
        for (int round = 0; round < 15; round++) {
            String id = plannedMarker(httpA);
            String report = "{\"completedOn\":\"2014-08-10\",\"lat\":10.4201,\"lon\":104.4902}";
            List<LedgerHttp.Response> both = bothAtOnce(
                    () -> httpA.post(completionReports(id), Tokens.kienGiang(), report),
                    () -> httpB.post(completionReports(id), Tokens.kienGiang(), report));

            List<Integer> statuses =
                    both.stream().map(LedgerHttp.Response::status).sorted().toList();
            assertThat(statuses).as("round %d: %s", round, both).first().isEqualTo(201);
            assertThat(statuses.get(1)).as("round %d: %s", round, both).isEqualTo(409);
            LedgerHttp.Response loser = both.get(0).status() == 201 ? both.get(1) : both.get(0);
            assertThat(loser.contentType()).startsWith("application/problem+json");
            String type = loser.json().path("type").asText();
            assertThat(type.substring(type.lastIndexOf('/') + 1))
                    .isIn("concurrent-modification", "completion-already-reported");
            assertThat(eventsOf(id)).as("round %d", round).isEqualTo(2);
            losers.add(type.substring(type.lastIndexOf('/') + 1));
        }
        System.out.printf("SharedStoreIT: concurrent completion reports, the loser's answers: %s%n", losers);
    }

    @Test
    @Order(4)
    void anInstanceDecidesOnWhatTheOtherAppendedNotOnItsCachedAggregate() {
        // B plans the marker and keeps it in its cache; A reports the completion; B then sees the report
        String id = plannedMarker(httpB);
        assertThat(httpA.post(
                                completionReports(id),
                                Tokens.kienGiang(),
                                "{\"completedOn\":\"2014-08-10\",\"lat\":10.4201,\"lon\":104.4902}")
                        .status())
                .isEqualTo(201);

        LedgerHttp.Response confirmed =
                httpB.post(confirmations(id), Tokens.kampot(), "{\"confirmedOn\":\"2014-08-15\"}");
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(201);

        // and the other way round: A's cache holds the marker as it reported it, B confirmed it since
        LedgerHttp.Response again = httpA.post(confirmations(id), Tokens.kampot(), "{\"confirmedOn\":\"2014-08-16\"}");
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.json().path("type").asText()).endsWith("marker-already-completed");
        assertThat(eventsOf(id)).isEqualTo(3);
    }

    @Test
    @Order(5)
    void whenThePublishingInstanceDiesTheOtherTakesOverWithinTheTakeoverTime() {
        assertThat(owner()).isEqualTo("it-command-a");
        long cut = System.nanoTime();
        relayOfA.cut();
        String written = plannedMarker(httpB);

        awaitOwner("it-command-b", TAKEOVER.plusSeconds(10));
        Duration takeover = Duration.ofNanos(System.nanoTime() - cut);
        System.out.printf(
                "SharedStoreIT: publisher takeover after the publishing instance lost the database: %d ms"
                        + " (ledger.publisher.takeover=%s)%n",
                takeover.toMillis(), TAKEOVER);
        assertThat(takeover).isLessThan(TAKEOVER.plusSeconds(3));
        assertThat(publishingSegments(b)).containsExactly(0);

        TopicReader topic = new TopicReader(bootstrap(), topic());
        assertThat(topic.readKey(written, 1, Duration.ofSeconds(20))).isNotEmpty();
    }

    private static ConfigurableApplicationContext start(String nodeId, Map<String, Object> more) {
        Map<String, Object> properties = new java.util.HashMap<>(Map.of(
                "spring.config.name", CommandServiceApplication.CONFIG_NAME,
                // a store and a topic of their own: the cached contexts of other tests in this JVM publish too
                "spring.application.name", "command-service-shared-store",
                "axon.kafka.default-topic", "ledger.events.shared-store",
                "server.port", "0",
                "management.server.port", "0",
                "ledger.publisher.node-id", nodeId,
                "ledger.publisher.takeover", TAKEOVER.toSeconds() + "s",
                "ledger.audit.seal.settle-after", "5s",
                "ledger.audit.signing.key-file", "target/it-seal-key.pem",
                "ledger.audit.signing.generate", "true"));
        properties.putAll(more);
        String[] arguments = properties.entrySet().stream()
                .map(property -> "--" + property.getKey() + "=" + property.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(CommandServiceApplication.class)
                .initializers(new LedgerInfrastructureInitializer(), context -> {
                    // the relay's address replaces the database URL the test infrastructure puts first
                    if (more.containsKey("spring.datasource.url")) {
                        context.getEnvironment()
                                .getPropertySources()
                                .addFirst(new MapPropertySource(
                                        "shared-store-it",
                                        Map.of("spring.datasource.url", more.get("spring.datasource.url"))));
                    }
                })
                .run(arguments);
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static List<Integer> publishingSegments(ConfigurableApplicationContext context) {
        return context
                .getBean(EventProcessingConfiguration.class)
                .eventProcessor(PUBLISHER, TrackingEventProcessor.class)
                .orElseThrow()
                .processingStatus()
                .keySet()
                .stream()
                .sorted()
                .collect(Collectors.toList());
    }

    private static String owner() {
        return jdbc.queryForObject(
                "select owner from token_entry where processor_name = ? and segment = 0", String.class, PUBLISHER);
    }

    private static void awaitOwner(String nodeId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!nodeId.equals(owner())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the publisher's token is held by " + owner() + ", not " + nodeId);
            }
            sleep(50);
        }
    }

    private static String plannedMarker(LedgerHttp http) {
        String id = "SHARED-" + UUID.randomUUID();
        LedgerHttp.Response response = http.post("/api/markers", Tokens.kienGiang(), markerBody(id));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return id;
    }

    private static String markerBody(String id) {
        return "{\"id\":\"" + id + "\",\"type\":\"SUB\",\"plannedLat\":10.42,\"plannedLon\":104.49,"
                + "\"responsibleSide\":\"VN\"}";
    }

    private static String completionReports(String id) {
        return "/api/markers/" + id + "/completion-reports";
    }

    private static String confirmations(String id) {
        return "/api/markers/" + id + "/confirmations";
    }

    private static int eventsOf(String id) {
        return jdbc.queryForObject(
                "select count(*) from domain_event_entry where aggregate_identifier = ?", Integer.class, id);
    }

    private static String bootstrap() {
        return b.getEnvironment().getRequiredProperty("axon.kafka.bootstrap-servers");
    }

    private static String topic() {
        return b.getEnvironment().getRequiredProperty("axon.kafka.default-topic");
    }

    private static List<LedgerHttp.Response> bothAtOnce(
            java.util.concurrent.Callable<LedgerHttp.Response> first,
            java.util.concurrent.Callable<LedgerHttp.Response> second)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Future<LedgerHttp.Response> one = pool.submit(() -> {
                start.await();
                return first.call();
            });
            Future<LedgerHttp.Response> two = pool.submit(() -> {
                start.await();
                return second.call();
            });
            start.countDown();
            return List.of(one.get(), two.get());
        } finally {
            pool.shutdownNow();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Relays TCP connections to the database until cut; a cut closes every relayed connection and refuses new ones. */
    private static final class Relay implements AutoCloseable {

        private final ServerSocket server;
        private final List<Socket> sockets = new CopyOnWriteArrayList<>();
        private volatile boolean cut;

        Relay(String host, int port) throws IOException {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(
                    () -> {
                        while (!server.isClosed()) {
                            try {
                                Socket client = server.accept();
                                if (cut) {
                                    client.close();
                                    continue;
                                }
                                Socket upstream = new Socket();
                                upstream.connect(new InetSocketAddress(host, port), 2000);
                                sockets.add(client);
                                sockets.add(upstream);
                                pump(client, upstream);
                                pump(upstream, client);
                            } catch (IOException e) {
                                // closed, or the database refused: the client sees its connection fail
                            }
                        }
                    },
                    "shared-store-relay");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        void cut() {
            cut = true;
            for (Socket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // already closed
                }
            }
        }

        private void pump(Socket from, Socket to) {
            Thread thread = new Thread(
                    () -> {
                        byte[] buffer = new byte[16384];
                        try (InputStream in = from.getInputStream();
                                OutputStream out = to.getOutputStream()) {
                            for (int n; (n = in.read(buffer)) >= 0; ) {
                                out.write(buffer, 0, n);
                            }
                        } catch (IOException e) {
                            // one side closed
                        } finally {
                            try {
                                from.close();
                                to.close();
                            } catch (IOException e) {
                                // already closed
                            }
                        }
                    },
                    "shared-store-relay-pump");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() throws IOException {
            cut();
            server.close();
        }
    }
}
