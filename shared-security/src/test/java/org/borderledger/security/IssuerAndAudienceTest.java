package org.borderledger.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.borderledger.events.Side;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

class IssuerAndAudienceTest {

    private static final String SECRET = "issuer-and-audience-test-secret-0123456789";
    private static final String ISSUER = "https://login.example.org/realms/border-ledger";
    private static final String AUDIENCE = "border-ledger";
    private static final LedgerPrincipal UNIT =
            new LedgerPrincipal("kg-post-1", "VN-BGP-KG-01", Side.VN, "VN-47", Set.of(LedgerPrincipal.UNIT));

    private final JwtDecoder checking = decoder(ISSUER, AUDIENCE);

    @Test
    void acceptsATokenOfTheConfiguredIssuerForTheLedger() {
        String token = sign(claims().issuer(ISSUER).audience(AUDIENCE));

        assertThat(checking.decode(token).getClaimAsString("unit")).isEqualTo("VN-BGP-KG-01");
    }

    @Test
    void acceptsATokenThatNamesTheLedgerAmongSeveralAudiences() {
        String token = sign(claims().issuer(ISSUER).audience(List.of("account", AUDIENCE)));

        assertThat(checking.decode(token).getAudience()).contains(AUDIENCE);
    }

    @Test
    void refusesATokenOfTheSameIssuerForAnotherAudience() {
        String token = sign(claims().issuer(ISSUER).audience("payroll"));

        assertThatThrownBy(() -> checking.decode(token))
                .isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("aud");
    }

    @Test
    void refusesATokenWithoutAudienceWhenOneIsRequired() {
        String token = sign(claims().issuer(ISSUER));

        assertThatThrownBy(() -> checking.decode(token)).isInstanceOf(JwtValidationException.class);
    }

    @Test
    void refusesATokenOfAnotherIssuer() {
        String token =
                sign(claims().issuer("https://login.example.org/realms/other").audience(AUDIENCE));

        assertThatThrownBy(() -> checking.decode(token))
                .isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("iss");
    }

    @Test
    void checksNeitherWhenNoneIsConfigured() {
        String token = sign(claims().issuer("anyone").audience("anything"));

        assertThat(decoder("", "").decode(token).getSubject()).isEqualTo("kg-post-1");
    }

    @Test
    void aServiceWithAJwkSetRefusesToStartWithoutIssuerOrAudience() {
        String jwkSet = "https://login.example.org/realms/border-ledger/protocol/openid-connect/certs";
        LedgerSecurity security = new LedgerSecurity();

        assertThatThrownBy(() -> security.jwtDecoder(jwkSet, "", Duration.ofSeconds(30), "", AUDIENCE, ""))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("LEDGER_JWT_ISSUER");
        assertThatThrownBy(() -> security.jwtDecoder(jwkSet, "", Duration.ofSeconds(30), ISSUER, "", ""))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("LEDGER_JWT_AUDIENCE");
        assertThat(security.jwtDecoder(jwkSet, "", Duration.ofSeconds(30), ISSUER, AUDIENCE, ""))
                .isNotNull();
    }

    private static JwtDecoder decoder(String issuer, String audience) {
        return new LedgerSecurity().jwtDecoder("", SECRET, Duration.ofSeconds(30), issuer, audience, "");
    }

    private static JWTClaimsSet.Builder claims() {
        return LedgerTokens.claims(UNIT, Instant.now(), Duration.ofMinutes(5));
    }

    private static String sign(JWTClaimsSet.Builder claims) {
        return LedgerTokens.sign(SECRET, claims.build());
    }
}
