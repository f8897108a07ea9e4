package org.borderledger.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

class ProvinceClaimValidatorTest {

    private static final Instant NOVEMBER_2025 = Instant.parse("2025-11-03T08:00:00Z");
    private static final Instant MAY_2024 = Instant.parse("2024-05-02T08:00:00Z");

    private final ProvinceClaimValidator validator = new ProvinceClaimValidator();

    @Test
    void acceptsAUnitOfTheNewAnGiangAndOfTheCambodianProvinces() {
        for (String province : List.of("VN-AG2025", "KH-7", "KH-21", "KH-8")) {
            assertThat(validator.validate(token(province, NOVEMBER_2025)).hasErrors())
                    .as(province)
                    .isFalse();
        }
    }

    @Test
    void acceptsATokenOfAnEndedProvinceWhoseUnitsStillRecordFactsDatedBeforeTheEnd() {
        assertThat(validator.validate(token("VN-47", NOVEMBER_2025)).hasErrors())
                .isFalse();
        assertThat(validator.validate(token("VN-47", MAY_2024)).hasErrors()).isFalse();
    }

    @Test
    void refusesAProvinceThatDidNotExistYetWhenTheTokenWasIssued() {
        OAuth2TokenValidatorResult result = validator.validate(token("VN-AG2025", MAY_2024));

        assertThat(result.hasErrors()).isTrue();
        assertThat(result.getErrors().iterator().next().getDescription()).contains("did not exist yet on 2024-05-02");
    }

    @Test
    void refusesAWellFormedCodeTheReferenceDataDoesNotHold() {
        OAuth2TokenValidatorResult result = validator.validate(token("VN-99", NOVEMBER_2025));

        assertThat(result.hasErrors()).isTrue();
        assertThat(result.getErrors().iterator().next().getDescription())
                .contains("not in the ledger's reference data");
    }

    private static Jwt token(String province, Instant issuedAt) {
        return Jwt.withTokenValue("t")
                .header("alg", "HS256")
                .claim("sub", "officer")
                .claim("province", province)
                .issuedAt(issuedAt)
                .build();
    }
}
