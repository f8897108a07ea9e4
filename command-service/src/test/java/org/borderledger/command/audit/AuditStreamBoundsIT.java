package org.borderledger.command.audit;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.borderledger.command.CommandServiceIT;
import org.borderledger.events.EventMetadata;
import org.borderledger.events.Provinces;
import org.borderledger.events.Side;
import org.borderledger.events.agreement.AgreementReviewed;
import org.borderledger.security.LedgerPrincipal;
import org.borderledger.testsupport.LedgerHttp;
import org.borderledger.testsupport.Tokens;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * NDJSON streams are bounded: one token's readers that stop reading hold at most its share
 * ({@code max-concurrent-per-subject}; more are refused with 429), 20 readers of many tokens hold at most
 * {@code max-concurrent} streams (each on the audit API's own connections), the others are refused at once with 503
 * and {@code Retry-After}, and writes, pages and verification go on answering meanwhile.
 */
@CommandServiceIT
class AuditStreamBoundsIT {

    static final int SLOW_READERS = 20;

    private static final Logger log = LoggerFactory.getLogger(AuditStreamBoundsIT.class);

    /** Enough NDJSON that a stream cannot fit in the socket buffers of a reader that stopped reading (> 16 MB). */
    static final long STREAM_BYTES = 16L << 20;

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AuditProperties properties;

    @Test
    void slowReadersHoldOnlyTheirOwnSlotsAndWritesGoOnAnswering() throws Exception {
        storeLargerThan(STREAM_BYTES);
        LedgerHttp http = new LedgerHttp("http://localhost:" + port);
        int bound = properties.stream().maxConcurrent();
        int share = properties.stream().maxConcurrentPerSubject();
        List<SlowReader> readers = new ArrayList<>();
        try {
            String greedy = Tokens.of(auditor("greedy-auditor"));
            List<SlowReader> ownShare = new ArrayList<>();
            for (int i = 0; i <= share; i++) {
                ownShare.add(SlowReader.open(port, greedy));
            }
            readers.addAll(ownShare);
            assertThat(ownShare.stream().map(reader -> reader.status))
                    .as("one token holds its share of the streams, no more")
                    .containsExactlyElementsOf(java.util.stream.Stream.concat(
                                    java.util.Collections.nCopies(share, 200).stream(), java.util.stream.Stream.of(429))
                            .toList());
            assertThat(Long.parseLong(ownShare.get(share).headers.get("retry-after")))
                    .isPositive();
            for (int i = 0; i < SLOW_READERS; i++) {
                readers.add(SlowReader.open(port, Tokens.of(auditor("auditor-" + i))));
            }
            readers.remove(ownShare.get(share));
            ownShare.get(share).abort();
            List<SlowReader> streaming =
                    readers.stream().filter(reader -> reader.status == 200).toList();
            List<SlowReader> refused =
                    readers.stream().filter(reader -> reader.status == 503).toList();
            assertThat(streaming).as("streams that started").hasSize(bound);
            assertThat(refused).as("streams refused").hasSize(SLOW_READERS - (bound - share));
            assertThat(refused).allSatisfy(reader -> {
                assertThat(reader.headers.get("content-type")).startsWith("application/problem+json");
                assertThat(Long.parseLong(reader.headers.get("retry-after"))).isPositive();
            });

            Duration slowest = Duration.ZERO;
            for (int i = 0; i < 10; i++) {
                String id = "REP-BOUNDS-" + UUID.randomUUID().toString().substring(0, 8);
                long started = System.nanoTime();
                LedgerHttp.Response write = http.post(
                        "/api/repatriation-cases",
                        Tokens.kienGiang(),
                        "{\"id\":\"" + id + "\",\"season\":\"2013-2014\",\"searchProvince\":\"KH-7\"}");
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                assertThat(write.status()).as(write.body()).isEqualTo(201);
                assertThat(took)
                        .as("write %d while %d streams are held", i, bound)
                        .isLessThan(Duration.ofSeconds(5));
            }
            assertThat(http.get("/api/audit/events?limit=5", Tokens.auditor()).status())
                    .isEqualTo(200);
            LedgerHttp.Response verify = http.get("/api/audit/verify", Tokens.auditor());
            assertThat(verify.status()).as(verify.body()).isEqualTo(200);
            assertThat(streaming).allSatisfy(reader -> assertThat(reader.stillOpen())
                    .as("a held stream is still open")
                    .isTrue());
        } finally {
            readers.forEach(SlowReader::abort);
        }
        awaitStreamingAgain(http);
    }

    private static LedgerPrincipal auditor(String subject) {
        return new LedgerPrincipal(
                subject, "JOINT-COMMISSION", Side.VN, Provinces.KIEN_GIANG, Set.of(LedgerPrincipal.AUDITOR));
    }

    /** Once the slow readers are gone, their slots come back. */
    private void awaitStreamingAgain(LedgerHttp http) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            LedgerHttp.Response response = http.get(
                    "/api/audit/events?aggregateId=nothing-" + UUID.randomUUID(),
                    Tokens.auditor(),
                    Map.of("Accept", "application/x-ndjson"));
            if (response.status() == 200) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Streams still refused 60 s after the slow readers left: " + response.body());
            }
            sleep(200);
        }
    }

    /** Appends agreement reviews with long summaries until the store streams at least {@code bytes} of NDJSON. */
    private void storeLargerThan(long bytes) {
        Long stored = jdbc.queryForObject(
                "select coalesce(sum(octet_length(payload) + octet_length(meta_data)), 0) from domain_event_entry",
                Long.class);
        long missing = bytes - (stored == null ? 0 : stored);
        if (missing <= 0) {
            return;
        }
        String summary = "Joint patrols, marker maintenance and remains search reviewed. ".repeat(50);
        MetaData metaData = MetaData.with(EventMetadata.SUBMITTER, "bulk-loader")
                .and(EventMetadata.UNIT, "BOUNDS-" + UUID.randomUUID())
                .and(EventMetadata.SIDE, "VN")
                .and(EventMetadata.PROVINCE, "VN-47");
        String prefix = "AGR-BOUNDS-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        long events = missing / summary.length() + 1;
        List<EventMessage<?>> batch = new ArrayList<>();
        for (long i = 0; i < events; i++) {
            String id = prefix + i;
            batch.add(new GenericDomainEventMessage<>(
                    "CooperationAgreement",
                    id,
                    0,
                    new AgreementReviewed(
                            id,
                            LocalDate.of(2024, 3, 25),
                            LocalDate.of(2022, 1, 1),
                            LocalDate.of(2023, 12, 31),
                            summary),
                    metaData));
            if (batch.size() >= 500) {
                eventStore.publish(batch);
                batch = new ArrayList<>();
            }
        }
        if (!batch.isEmpty()) {
            eventStore.publish(batch);
        }
    }

    /** A raw HTTP client that reads the status line and headers of an NDJSON stream, then stops reading. */
    private static final class SlowReader {

        final Socket socket;
        final int status;
        final Map<String, String> headers;

        private SlowReader(Socket socket, int status, Map<String, String> headers) {
            this.socket = socket;
            this.status = status;
            this.headers = headers;
        }

        static SlowReader open(int port, String token) throws IOException {
            Socket socket = new Socket();
            socket.setReceiveBufferSize(4096);
            socket.setSoTimeout(30_000);
            socket.connect(new InetSocketAddress("localhost", port), 5_000);
            socket.getOutputStream()
                    .write(("GET /api/audit/events HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                                    + "\r\nAccept: application/x-ndjson\r\n\r\n")
                            .getBytes(US_ASCII));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            String statusLine = line(in);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                int colon = header.indexOf(':');
                headers.put(
                        header.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        header.substring(colon + 1).trim());
            }
            return new SlowReader(socket, Integer.parseInt(statusLine.split(" ")[1]), headers);
        }

        /** The server has not closed the stream: nothing to read within a moment, and no end of stream. */
        boolean stillOpen() {
            try {
                socket.setSoTimeout(200);
                return socket.getInputStream().read() != -1;
            } catch (java.net.SocketTimeoutException quiet) {
                return true;
            } catch (IOException e) {
                return false;
            }
        }

        void abort() {
            try {
                socket.setSoLinger(true, 0);
                socket.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static String line(InputStream in) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            int previous = -1;
            for (int b = in.read(); b != -1; b = in.read()) {
                if (previous == '\r' && b == '\n') {
                    byte[] read = bytes.toByteArray();
                    return new String(read, 0, read.length - 1, US_ASCII);
                }
                bytes.write(b);
                previous = b;
            }
            throw new IOException("The connection closed before the end of the headers");
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
}
