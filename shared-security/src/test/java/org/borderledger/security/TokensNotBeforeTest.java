package org.borderledger.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.borderledger.events.Side;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

class TokensNotBeforeTest {

    private static final String SECRET = "tokens-not-before-test-secret-0123456789";
    private static final LedgerPrincipal ADMIN =
            new LedgerPrincipal("ledger-admin", "VN-ADMIN", Side.VN, "VN-47", Set.of(LedgerPrincipal.ADMIN));

    private final Instant reset = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Test
    void refusesATokenIssuedBeforeTheReset() {
        String before = LedgerTokens.sign(SECRET, ADMIN, reset.minusSeconds(60), Duration.ofHours(12));

        assertThatThrownBy(() -> decoder(reset.toString()).decode(before))
                .isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("issued before");
    }

    @Test
    void acceptsATokenIssuedAtOrAfterTheReset() {
        String after = LedgerTokens.sign(SECRET, ADMIN, reset, Duration.ofHours(12));

        assertThat(decoder(reset.toString()).decode(after).getSubject()).isEqualTo("ledger-admin");
    }

    @Test
    void withoutACutOffEveryValidTokenPasses() {
        String before = LedgerTokens.sign(SECRET, ADMIN, reset.minusSeconds(3600), Duration.ofHours(12));

        assertThat(decoder("").decode(before).getSubject()).isEqualTo("ledger-admin");
    }

    @Test
    void aCutOffThatIsNoInstantStopsTheService() {
        assertThatThrownBy(() -> decoder("yesterday"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("tokens-not-before");
    }

    private static JwtDecoder decoder(String notBefore) {
        return new LedgerSecurity().jwtDecoder("", SECRET, Duration.ofSeconds(30), "", "", notBefore);
    }
}
