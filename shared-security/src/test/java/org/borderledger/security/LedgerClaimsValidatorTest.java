package org.borderledger.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.borderledger.events.FieldLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

class LedgerClaimsValidatorTest {

    private final LedgerClaimsValidator validator = new LedgerClaimsValidator();

    @Test
    void acceptsAUnitWhoseClaimsAreAtTheirLimits() {
        OAuth2TokenValidatorResult result = validator.validate(token(claims -> {
            claims.put("sub", "s".repeat(FieldLimits.SUBJECT));
            claims.put("unit", "Đồn Biên phòng ".repeat(20).substring(0, FieldLimits.UNIT));
        }));

        assertThat(result.hasErrors()).as(result.getErrors().toString()).isFalse();
    }

    @Test
    void refusesClaimsOverTheirLimits() {
        assertRefused(token(claims -> claims.put("unit", "u".repeat(300))), "unit must be at most");
        assertRefused(token(claims -> claims.put("sub", "s".repeat(FieldLimits.SUBJECT + 1))), "sub must be at most");
        assertRefused(token(claims -> claims.put("province", "VN-4777777")), "province");
    }

    @Test
    void refusesClaimsThatAreNoStorableStrings() {
        assertRefused(token(claims -> claims.put("unit", "post\u0000")), "unit must be at most");
        assertRefused(token(claims -> claims.put("unit", Map.of("name", "post"))), "unit must be a string");
        assertRefused(token(claims -> claims.put("sub", List.of("a", "b"))), "sub must be a string");
    }

    @ParameterizedTest
    @ValueSource(strings = {"UNIT,AUDITOR", "UNIT,ADMIN", "UNIT,AUDITOR,ADMIN", "ADMIN,UNIT"})
    void refusesAUnitThatWouldAlsoAuditOrRebuild(String roles) {
        assertRefused(token(claims -> claims.put("roles", List.of(roles.split(",")))), "UNIT cannot go with");
    }

    @ParameterizedTest
    @ValueSource(strings = {"UNIT", "AUDITOR", "ADMIN", "AUDITOR,ADMIN", "UNIT,UNIT"})
    void acceptsTheRoleCombinationsOfThePolicy(String roles) {
        OAuth2TokenValidatorResult result =
                validator.validate(token(claims -> claims.put("roles", List.of(roles.split(",")))));

        assertThat(result.hasErrors()).as(result.getErrors().toString()).isFalse();
    }

    private void assertRefused(Jwt jwt, String problem) {
        OAuth2TokenValidatorResult result = validator.validate(jwt);
        assertThat(result.hasErrors()).isTrue();
        assertThat(result.getErrors().iterator().next().getDescription()).contains(problem);
    }

    private static Jwt token(Consumer<Map<String, Object>> change) {
        Map<String, Object> claims = new java.util.HashMap<>(Map.of(
                "sub", "kg-officer",
                "unit", "KG-BORDER-GUARD",
                "side", "VN",
                "province", "VN-47",
                "roles", List.of("UNIT")));
        change.accept(claims);
        return Jwt.withTokenValue("t")
                .header("alg", "HS256")
                .claims(all -> all.putAll(claims))
                .issuedAt(Instant.now())
                .build();
    }
}
