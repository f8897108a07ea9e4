package org.borderledger.security;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Refuses every token issued ({@code iat}) before a cut-off: the local run's {@code --reset-tokens} revokes all the
 * tokens handed out so far by moving the cut-off to now. (The local run's tokens always carry {@code iat}; Spring
 * Security reads a token without one as issued a second before it expires.)
 */
final class TokensNotBefore implements OAuth2TokenValidator<Jwt> {

    private final Instant cutOff;

    TokensNotBefore(Instant cutOff) {
        this.cutOff = cutOff;
    }

    /** The cut-off of {@code ledger.security.tokens-not-before} (an ISO-8601 instant), or none when blank. */
    static TokensNotBefore parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new TokensNotBefore(Instant.parse(value.strip()));
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(
                    "ledger.security.tokens-not-before must be an instant such as 2025-06-01T08:00:00Z, not '" + value
                            + "'",
                    e);
        }
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt jwt) {
        Instant issuedAt = jwt.getIssuedAt();
        if (issuedAt != null && issuedAt.isBefore(cutOff)) {
            return OAuth2TokenValidatorResult.failure(new OAuth2Error(
                    "invalid_token", "the token was issued before " + cutOff + ", when tokens were reset", null));
        }
        return OAuth2TokenValidatorResult.success();
    }
}
