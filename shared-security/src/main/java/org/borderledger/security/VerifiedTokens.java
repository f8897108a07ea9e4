package org.borderledger.security;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Remembers tokens whose signature was verified, so that a unit's next request with the same token skips the Base64
 * decoding, JSON parsing and signature check (a third of a write's CPU time, measured by the benchmark). The key is the
 * whole compact token, signature included, so only the very same bytes hit. Every use still runs the validators
 * (expiry, not-before, the ledger's claims), and a token is verified afresh at most {@code reverifyAfter} after its last
 * verification, so a rotated JWK set takes effect within that time. The memory is bounded: it starts afresh when full.
 */
final class VerifiedTokens implements JwtDecoder {

    private record Verified(Jwt jwt, long verifiedAt) {}

    private final JwtDecoder decoder;
    private final OAuth2TokenValidator<Jwt> validator;
    private final long reverifyAfterNanos;
    private final int capacity;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    VerifiedTokens(JwtDecoder decoder, OAuth2TokenValidator<Jwt> validator, Duration reverifyAfter, int capacity) {
        this.decoder = decoder;
        this.validator = validator;
        this.reverifyAfterNanos = reverifyAfter.toNanos();
        this.capacity = capacity;
    }

    @Override
    public Jwt decode(String token) {
        long now = System.nanoTime();
        Verified known = verified.get(token);
        if (known != null && now - known.verifiedAt() < reverifyAfterNanos) {
            OAuth2TokenValidatorResult result = validator.validate(known.jwt());
            if (!result.hasErrors()) {
                return known.jwt();
            }
            verified.remove(token);
            throw new JwtValidationException(
                    result.getErrors().iterator().next().getDescription(), result.getErrors());
        }
        Jwt jwt = decoder.decode(token);
        if (verified.size() >= capacity) {
            verified.clear();
        }
        verified.put(token, new Verified(jwt, now));
        return jwt;
    }
}
