package org.borderledger.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.borderledger.testsupport.LedgerHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code ./run-local.sh} on its embedded defaults (PostgreSQL on the data dir, in-process broker): both services come
 * up healthy on their own durable databases, as runtime roles that are no superuser (the command role may only append
 * events), with every listener on loopback; the seed reports' facts produce the published figures, and a restart keeps
 * every fact. {@code --reset-tokens} before the restart makes both services refuse every token issued before it.
 */
class LocalLedgerIT {

    @TempDir
    Path dataDir;

    @Test
    void showsTheSeedFiguresAndKeepsEveryFactAcrossARestart() throws Exception {
        LocalSettings settings = LocalRuns.embeddedDefaults(dataDir);
        long position;
        long events;
        String earlierAuditor;
        try (LocalLedger ledger = LocalLedger.start(settings)) {
            earlierAuditor = ledger.tokens().auditor();
            assertListenersOnLoopbackOnly(settings);
            assertRuntimeRole(ledger.commandService().getBean(JdbcTemplate.class), "ledger_command_app");
            assertRuntimeRole(ledger.queryService().getBean(JdbcTemplate.class), "ledger_query_app");
            assertThatThrownBy(() -> ledger.commandService()
                            .getBean(JdbcTemplate.class)
                            .update("DELETE FROM domain_event_entry WHERE false"))
                    .as("the command service's role may not remove an event")
                    .rootCause()
                    .hasMessageContaining("permission denied");
            assertThat(LocalRuns.command(settings).get("/readyz", null).status())
                    .isEqualTo(200);
            assertThat(LocalRuns.query(settings).get("/readyz", null).status()).isEqualTo(200);
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
            assertThat(LocalRuns.command(settings)
                            .get("/api/audit/events", earlierAuditor)
                            .status())
                    .isEqualTo(200);
        }

        LocalLedger.resetTokens(settings);
        try (LocalLedger restarted = LocalLedger.start(settings)) {
            assertThat(LocalRuns.command(settings)
                            .get("/api/audit/events", earlierAuditor)
                            .status())
                    .as("a token issued before --reset-tokens, at the command service")
                    .isEqualTo(401);
            assertThat(LocalRuns.query(settings)
                            .get("/api/statistics?from=2014-01-01&to=2014-12-31", earlierAuditor)
                            .status())
                    .as("and at the query service")
                    .isEqualTo(401);
            assertThat(LocalRuns.command(settings)
                            .get("/api/audit/events", restarted.tokens().auditor())
                            .status())
                    .as("a token issued since")
                    .isEqualTo(200);
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

    private static void assertRuntimeRole(JdbcTemplate database, String role) {
        assertThat(database.queryForObject("SELECT current_user", String.class)).isEqualTo(role);
        assertThat(database.queryForObject(
                        "SELECT rolsuper OR rolcreaterole OR rolcreatedb FROM pg_roles WHERE rolname = current_user",
                        Boolean.class))
                .as(role + " is no superuser and creates no roles or databases")
                .isFalse();
    }

    /** Every socket listening on one of the run's ports (/proc/net/tcp and tcp6) is bound to 127.0.0.1. */
    private static void assertListenersOnLoopbackOnly(LocalSettings settings) throws Exception {
        List<Integer> ports =
                LocalPorts.of(settings).stream().map(LocalPorts.Port::number).toList();
        Map<Integer, List<String>> listening = new TreeMap<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Path.of(table);
            if (!Files.exists(file)) {
                continue;
            }
            List<String> lines = Files.readAllLines(file);
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.strip().split("\\s+");
                String[] local = fields[1].split(":");
                int port = Integer.parseInt(local[1], 16);
                if (fields[3].equals("0A") && ports.contains(port)) {
                    listening.computeIfAbsent(port, any -> new ArrayList<>()).add(local[0]);
                }
            }
        }
        assertThat(listening.keySet()).as("every port of the run listens").containsExactlyInAnyOrderElementsOf(ports);
        listening.forEach((port, addresses) -> assertThat(addresses)
                .as("port " + port)
                .allMatch(address -> address.equals("0100007F") || address.equals("0000000000000000FFFF00000100007F")));
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
