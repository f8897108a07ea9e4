package org.borderledger.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.borderledger.events.FieldLimits;
import org.borderledger.testsupport.LedgerHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.util.FileSystemUtils;

/**
 * Both services as {@code ./run-local.sh} starts them: what a client sends cannot tie them up or break the figures. Hundreds of reads waiting for a position never reached leave writes and other reads
 * answering, and indicator values at their limit add up exactly in the statistics.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientBoundsIT {

    Path dataDir;

    LocalSettings settings;
    LocalLedger ledger;
    LedgerHttp command;
    LedgerHttp query;

    /** Long enough that the waiting reads still wait while the other requests are timed. */
    static final String MAX_WAIT = "ledger.read.max-wait";

    @BeforeAll
    void start() throws Exception {
        System.setProperty(MAX_WAIT, "20s");
        dataDir = Files.createTempDirectory("ledger-client-bounds");
        settings = LocalRuns.embeddedDefaults(dataDir);
        ledger = LocalLedger.start(settings);
        command = LocalRuns.command(settings);
        query = LocalRuns.query(settings);
    }

    @AfterAll
    void stop() throws IOException {
        System.clearProperty(MAX_WAIT);
        if (ledger != null) {
            ledger.close();
        }
        FileSystemUtils.deleteRecursively(dataDir);
    }

    @Test
    void indicatorValuesAtTheirLimitAddUpExactlyAndLargerOnesAreRefused() {
        String report = "{\"indicator\":\"TRADE_TURNOVER_USD\",\"periodFrom\":\"1995-01-01\","
                + "\"periodTo\":\"1995-12-31\",\"value\":%d}";
        LedgerHttp.Response tooLarge = command.post(
                "/api/indicators", ledger.tokens().kienGiang(), report.formatted(FieldLimits.INDICATOR_VALUE + 1));
        assertThat(tooLarge.status()).as(tooLarge.body()).isEqualTo(400);

        long position = 0;
        for (int i = 0; i < 3; i++) {
            LedgerHttp.Response accepted = command.post(
                    "/api/indicators", ledger.tokens().kienGiang(), report.formatted(FieldLimits.INDICATOR_VALUE));
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
            position = Math.max(position, accepted.json().get("position").asLong());
        }
        long last = position;
        LedgerHttp.Response statistics = LocalRuns.until(
                200,
                Duration.ofSeconds(60),
                () -> query.get(
                        "/api/statistics?from=1995-01-01&to=1995-12-31&minPosition=" + last,
                        ledger.tokens().auditor()));

        assertThat(statistics.status()).as(statistics.body()).isEqualTo(200);
        assertThat(statistics.json().get("tradeTurnoverUsd").bigIntegerValue())
                .isEqualTo(BigInteger.valueOf(FieldLimits.INDICATOR_VALUE).multiply(BigInteger.valueOf(3)));
    }

    @Test
    void fourHundredReadsWaitingForAPositionLeaveWritesAndOtherReadsAnswering() throws Exception {
        LedgerHttp.Response first = write();
        long processed = first.json().get("position").asLong();
        assertThat(LocalRuns.until(200, Duration.ofSeconds(60), () -> read("?minPosition=" + processed))
                        .status())
                .isEqualTo(200);

        int readers = 400;
        AtomicInteger answered = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(readers);
        List<Future<LedgerHttp.Response>> waiting = new ArrayList<>();
        try {
            for (int i = 0; i < readers; i++) {
                waiting.add(pool.submit(() -> {
                    LedgerHttp.Response response = read("?minPosition=" + Long.MAX_VALUE);
                    answered.incrementAndGet();
                    return response;
                }));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (answered.get() < readers / 2 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(answered.get())
                    .as("the reads beyond the waiting ones are refused at once")
                    .isGreaterThanOrEqualTo(readers / 2)
                    .isLessThan(readers);

            Duration write = fastestOfThree(() -> assertStatus(write(), 201));
            Duration read = fastestOfThree(() -> assertStatus(read(""), 200));
            Duration readOfAProcessedPosition =
                    fastestOfThree(() -> assertStatus(read("?minPosition=" + processed), 200));

            assertThat(write).isLessThan(Duration.ofSeconds(1));
            assertThat(read).isLessThan(Duration.ofSeconds(1));
            assertThat(readOfAProcessedPosition).isLessThan(Duration.ofSeconds(1));
            for (Future<LedgerHttp.Response> future : waiting) {
                LedgerHttp.Response refused = future.get(60, TimeUnit.SECONDS);
                // one token: its reads beyond its share of the waiting slots are 429, the waiting ones end in 503
                assertThat(refused.status()).as(refused.body()).isIn(429, 503);
                assertThat(refused.contentType()).startsWith("application/problem+json");
                assertThat(refused.header("Retry-After")).isEqualTo("1");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private LedgerHttp.Response write() {
        return command.post(
                "/api/repatriation-cases",
                ledger.tokens().kienGiang(),
                "{\"season\":\"2013-2014\",\"searchProvince\":\"KH-7\"}");
    }

    private LedgerHttp.Response read(String query) {
        return this.query.get("/api/repatriation-cases" + query, ledger.tokens().auditor());
    }

    /**
     * The quickest of three timed requests. A thread pool taken by waiting reads would hold every one of them for the
     * whole wait; a single slow answer is the machine's, not the service's.
     */
    private static Duration fastestOfThree(Supplier<LedgerHttp.Response> request) {
        Duration fastest = null;
        for (int i = 0; i < 3; i++) {
            long started = System.nanoTime();
            request.get();
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            fastest = fastest == null || took.compareTo(fastest) < 0 ? took : fastest;
        }
        return fastest;
    }

    private static LedgerHttp.Response assertStatus(LedgerHttp.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        return response;
    }
}
