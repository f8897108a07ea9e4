package org.borderledger.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.borderledger.events.Provinces;
import org.borderledger.events.Side;
import org.borderledger.security.LedgerPrincipal;
import org.borderledger.security.LedgerTokens;
import org.borderledger.testsupport.LedgerHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A correctly signed token whose {@code unit} claim is longer than any unit may be is refused at the edge, and the read
 * side never sees anything of it: the next write is read back, and nothing is parked.
 */
class OversizedClaimIT {

    private static final Duration PATIENCE = Duration.ofSeconds(120);

    private static String marker(String id) {
        return "{\"id\":\"" + id
                + "\",\"type\":\"MAIN\",\"plannedLat\":10.42,\"plannedLon\":104.49,\"responsibleSide\":\"VN\"}";
    }

    @TempDir
    Path dataDir;

    @Test
    void aThreeHundredCharacterUnitClaimIsRefusedAndTheReadSideKeepsFlowing() throws Exception {
        LocalSettings settings = LocalRuns.embeddedDefaults(dataDir);
        try (LocalLedger ledger = LocalLedger.start(settings)) {
            LedgerHttp command = LocalRuns.command(settings);
            LedgerHttp query = LocalRuns.query(settings);
            String oversized = LedgerTokens.sign(
                    DemoTokens.secret(null, dataDir),
                    new LedgerPrincipal(
                            "unit-kg-long",
                            "U".repeat(300),
                            Side.VN,
                            Provinces.KIEN_GIANG,
                            Set.of(LedgerPrincipal.UNIT)),
                    Instant.now(),
                    Duration.ofMinutes(10));

            LedgerHttp.Response refused = command.post("/api/markers", oversized, marker("M-LONG-UNIT"));

            assertThat(refused.status()).as(refused.body()).isIn(400, 401);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            LedgerHttp.Response accepted =
                    command.post("/api/markers", ledger.tokens().kienGiang(), marker("M-AFTER-LONG"));
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
            long position = accepted.json().get("position").asLong();
            LedgerHttp.Response read = LocalRuns.until(
                    200,
                    PATIENCE,
                    () -> query.get(
                            "/api/markers/M-AFTER-LONG?minPosition=" + position,
                            ledger.tokens().auditor()));
            assertThat(read.status()).as(read.body()).isEqualTo(200);
            assertThat(query.get("/api/markers/M-LONG-UNIT", ledger.tokens().auditor())
                            .status())
                    .isEqualTo(404);
            assertThat(query.get("/api/admin/dead-letters", ledger.tokens().admin())
                            .json()
                            .get("total")
                            .asLong())
                    .isZero();
        }
    }
}
