package org.borderledger.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.borderledger.testsupport.LedgerHttp;
import org.borderledger.testsupport.TopicReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With the broker down, units can still record facts; once it is back, every one of them reaches the read side. */
class BrokerOutageIT {

    @TempDir
    Path dataDir;

    @Test
    void acceptsWritesWhileTheBrokerIsDownAndPublishesThemAllWhenItReturns() throws Exception {
        LocalSettings settings = LocalRuns.embeddedDefaults(dataDir);
        try (LocalLedger ledger = LocalLedger.start(settings)) {
            LedgerHttp command = LocalRuns.command(settings);
            String unit = ledger.tokens().kienGiang();
            String caseId = "REP-OUTAGE-1";
            LedgerHttp.Response opened = command.post(
                    "/api/repatriation-cases",
                    unit,
                    "{\"id\":\"" + caseId + "\",\"season\":\"2013-2014\",\"searchProvince\":\"KH-7\"}");
            assertThat(opened.status()).isEqualTo(201);
            assertThat(readCase(settings, ledger, opened.json().get("position").asLong())
                            .status())
                    .isEqualTo(200);

            ledger.stopBroker();
            long last = 0;
            for (int day = 1; day <= 5; day++) {
                LedgerHttp.Response recorded = command.post(
                        "/api/repatriation-cases/" + caseId + "/recoveries",
                        unit,
                        "{\"recoveredOn\":\"2014-03-0" + day + "\",\"count\":" + day
                                + ",\"site\":{\"province\":\"KH-7\",\"district\":\"Kampong Trach\"}}");
                assertThat(recorded.status())
                        .as("accepted while the broker is down")
                        .isEqualTo(201);
                last = recorded.json().get("position").asLong();
            }
            assertThat(LocalRuns.command(settings).get("/readyz", null).status())
                    .as("health tells the broker is gone")
                    .isEqualTo(503);
            ledger.startBroker();

            LedgerHttp.Response afterOutage = readCase(settings, ledger, last);
            assertThat(afterOutage.status()).as(afterOutage.body()).isEqualTo(200);
            assertThat(afterOutage.json().get("recoveredTotal").asLong()).isEqualTo(1 + 2 + 3 + 4 + 5);
            List<ConsumerRecord<String, byte[]>> published = new TopicReader(
                            "127.0.0.1:" + settings.kafkaPort(), "ledger.events")
                    .readKey(caseId, 6, Duration.ofSeconds(30));
            assertThat(published.stream()
                            .map(record -> TopicReader.header(record, "ce_id"))
                            .distinct())
                    .as("every event reaches the topic; a send retried after a lost acknowledgement may appear twice"
                            + " (at-least-once), and the read side counted each once")
                    .hasSize(6);
        }
    }

    private static LedgerHttp.Response readCase(LocalSettings settings, LocalLedger ledger, long position) {
        return LocalRuns.until(200, Duration.ofSeconds(120), () -> LocalRuns.query(settings)
                .get(
                        "/api/repatriation-cases/REP-OUTAGE-1?minPosition=" + position,
                        ledger.tokens().auditor()));
    }
}
