package org.borderledger.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

class VerifiedTokensTest {

    private final AtomicInteger verifications = new AtomicInteger();
    private final AtomicBoolean expired = new AtomicBoolean();

    private final JwtDecoder signatureChecking = token -> {
        verifications.incrementAndGet();
        if (!token.startsWith("good")) {
            throw new BadJwtException("bad signature");
        }
        return Jwt.withTokenValue(token)
                .header("alg", "HS256")
                .subject("unit")
                .issuedAt(Instant.now())
                .build();
    };
    private final OAuth2TokenValidator<Jwt> expiry = jwt -> expired.get()
            ? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "Jwt expired", null))
            : OAuth2TokenValidatorResult.success();

    @Test
    void verifiesTheSignatureOfATokenOnceAndStillChecksItsExpiryOnEveryUse() {
        VerifiedTokens tokens = new VerifiedTokens(signatureChecking, expiry, Duration.ofMinutes(5), 100);

        assertThat(tokens.decode("good-1").getSubject()).isEqualTo("unit");
        assertThat(tokens.decode("good-1").getSubject()).isEqualTo("unit");
        assertThat(verifications).hasValue(1);

        expired.set(true);
        assertThatThrownBy(() -> tokens.decode("good-1")).isInstanceOf(JwtValidationException.class);
    }

    @Test
    void neverRemembersATokenThatFailedVerification() {
        VerifiedTokens tokens = new VerifiedTokens(signatureChecking, expiry, Duration.ofMinutes(5), 100);

        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void verifiesAgainAfterTheReverificationPeriodAndStaysBounded() {
        VerifiedTokens tokens = new VerifiedTokens(signatureChecking, expiry, Duration.ZERO, 2);

        tokens.decode("good-1");
        tokens.decode("good-1");
        assertThat(verifications).hasValue(2);

        VerifiedTokens small = new VerifiedTokens(signatureChecking, expiry, Duration.ofMinutes(5), 2);
        for (int i = 0; i < 10; i++) {
            small.decode("good-" + i);
        }
        small.decode("good-9");
        assertThat(verifications).hasValue(12);
    }
}
