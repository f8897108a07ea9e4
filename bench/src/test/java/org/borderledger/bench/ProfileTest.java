package org.borderledger.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileTest {

    @Test
    void aFrameCountsForTheLibraryOfItsLongestKnownPrefix() {
        assertThat(Profile.libraryOf("org.springframework.security.web.FilterChainProxy"))
                .isEqualTo("Spring Security");
        assertThat(Profile.libraryOf("org.springframework.beans.BeanUtils")).isEqualTo("Spring (other)");
        assertThat(Profile.libraryOf("org.borderledger.command.web.Submissions"))
                .isEqualTo("ledger code");
        assertThat(Profile.libraryOf("net.example.util.Thing")).isEqualTo("net.example.util");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRecordingIsSummarisedByLibraryAndByTheLedgersOwnMethods(@TempDir Path work) throws Exception {
        Path jfr = work.resolve("profile-ingest-bench.jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            recording.start();
            busy(Duration.ofSeconds(1));
            recording.stop();
            recording.dump(jfr);
        }
        assertThat(Files.size(jfr)).isPositive();

        Map<String, Object> summary = Profile.summarize(jfr, 10);

        assertThat((Long) summary.get("samples")).isPositive();
        List<Map<String, Object>> ledger = (List<Map<String, Object>>) summary.get("ledgerInclusive");
        assertThat(ledger).extracting(row -> row.get("name")).contains("org.borderledger.bench.ProfileTest.busy");
        assertThat(Profile.text(Map.of("ingest", Map.of("bench", summary)), 5))
                .contains("== ingest: bench")
                .contains("by library");
    }

    private static double busy(Duration duration) {
        long end = System.nanoTime() + duration.toNanos();
        double sink = 0;
        while (System.nanoTime() < end) {
            for (int i = 1; i < 10_000; i++) {
                sink += Math.sqrt(i) / i;
            }
        }
        return sink;
    }
}
