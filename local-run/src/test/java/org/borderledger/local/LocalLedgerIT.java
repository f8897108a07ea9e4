package org.borderledger.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.borderledger.testsupport.LedgerHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code ./run-local.sh} on its embedded defaults (PostgreSQL on the data dir, in-process broker): both services come
 * up healthy on their own durable databases, the seed reports' facts produce the published figures, and a restart
 * keeps every fact.
 */
class LocalLedgerIT {

    @TempDir
    Path dataDir;

    @Test
    void showsTheSeedFiguresAndKeepsEveryFactAcrossARestart() throws Exception {
        LocalSettings settings = LocalRuns.embeddedDefaults(dataDir);
        long position;
        long events;
        try (LocalLedger ledger = LocalLedger.start(settings)) {
            assertThat(LocalRuns.command(settings).get("/actuator/health", null).status())
                    .isEqualTo(200);
            assertThat(LocalRuns.query(settings).get("/actuator/health", null).status())
                    .isEqualTo(200);
            assertThat(Files.readString(dataDir.resolve("tokens.json")))
                    .contains("kienGiangUnit", "kampotUnit", "auditor", "admin");
            assertDurablePostgres(ledger.commandService().getBean(JdbcTemplate.class), "ledger_command");
            assertDurablePostgres(ledger.queryService().getBean(JdbcTemplate.class), "ledger_query");
            assertThat(dataDir.resolve("postgres").resolve("PG_VERSION")).exists();

            position = ledger.recordDemoData();

            assertSeedFigures(
                    statistics(settings, ledger, position, "2014-01-01", "2014-12-31"),
                    statistics(settings, ledger, position, "2022-01-01", "2023-12-31"));
            events = eventCount(ledger);
        }

        try (LocalLedger restarted = LocalLedger.start(settings)) {
            assertThat(eventCount(restarted)).isEqualTo(events);
            assertSeedFigures(
                    statistics(settings, restarted, position, "2014-01-01", "2014-12-31"),
                    statistics(settings, restarted, position, "2022-01-01", "2023-12-31"));

            assertThat(restarted.recordDemoData())
                    .as("the demo data again: same answers")
                    .isEqualTo(position);
            assertThat(eventCount(restarted)).as("and nothing recorded twice").isEqualTo(events);
        }
    }

    private static void assertDurablePostgres(JdbcTemplate database, String name) {
        assertThat(database.queryForObject("SELECT current_database()", String.class))
                .isEqualTo(name);
        assertThat(database.queryForObject("SELECT version()", String.class)).startsWith("PostgreSQL");
        for (String setting : new String[] {"fsync", "synchronous_commit", "full_page_writes"}) {
            assertThat(database.queryForObject("SHOW " + setting, String.class))
                    .as(setting)
                    .isEqualTo("on");
        }
    }

    private static void assertSeedFigures(JsonNode year2014, JsonNode years2022And2023) {
        assertThat(year2014.get("remainsRecovered").asLong()).isEqualTo(44);
        assertThat(year2014.get("remainsRepatriated").asLong()).isEqualTo(44);
        assertThat(year2014.get("markersCompleted").asLong()).isEqualTo(22);
        assertThat(year2014.get("tradeTurnoverUsd").asLong()).isEqualTo(101_000_000L);
        assertThat(year2014.get("agreementsInForce").asLong()).isEqualTo(1);
        assertThat(years2022And2023.get("tradeTurnoverUsd").asLong()).isEqualTo(256_000_000L);
        assertThat(years2022And2023.get("visitors").get("VN_TO_KH").asLong()).isEqualTo(53_000);
        assertThat(years2022And2023.get("visitors").get("KH_TO_VN").asLong()).isEqualTo(40_000);
        assertThat(years2022And2023.get("remainsRepatriated").asLong()).isZero();
    }

    private static JsonNode statistics(
            LocalSettings settings, LocalLedger ledger, long position, String from, String to) {
        LedgerHttp.Response response = LocalRuns.until(200, Duration.ofSeconds(60), () -> LocalRuns.query(settings)
                .get(
                        "/api/statistics?from=" + from + "&to=" + to + "&minPosition=" + position,
                        ledger.tokens().auditor()));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static long eventCount(LocalLedger ledger) {
        return ledger.commandService()
                .getBean(JdbcTemplate.class)
                .queryForObject("select count(*) from domain_event_entry", Long.class);
    }
}
