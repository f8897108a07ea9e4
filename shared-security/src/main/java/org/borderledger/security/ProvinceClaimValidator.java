package org.borderledger.security;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.borderledger.events.Province;
import org.borderledger.events.ProvinceRegister;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Refuses a token whose {@code province} is not in the provinces' reference data, or names a province that did not
 * exist yet when the token was issued ({@code iat}, the time of validation when absent; dates in UTC). A province that
 * has ended is accepted: its units still record facts dated before the end, and the aggregates refuse later ones,
 * naming the province that continues it. The form of the claim and its side are {@link LedgerClaimsValidator}'s.
 */
final class ProvinceClaimValidator implements OAuth2TokenValidator<Jwt> {

    private final Supplier<ProvinceRegister> provinces;

    /** Against the reference data the ledger ships with. */
    ProvinceClaimValidator() {
        this(ProvinceRegister::bundled);
    }

    ProvinceClaimValidator(Supplier<ProvinceRegister> provinces) {
        this.provinces = provinces;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt jwt) {
        if (!(jwt.getClaims().get("province") instanceof String province)) {
            return OAuth2TokenValidatorResult.success();
        }
        ProvinceRegister register = provinces.get();
        List<Province> entries = register.entries().stream()
                .filter(entry -> entry.code().equals(province))
                .toList();
        if (entries.isEmpty()) {
            return refused("province " + province + " is not in the ledger's reference data");
        }
        LocalDate issuedOn = Optional.ofNullable(jwt.getIssuedAt())
                .orElseGet(Instant::now)
                .atOffset(ZoneOffset.UTC)
                .toLocalDate();
        if (entries.stream().allMatch(entry -> entry.beganAfter(issuedOn))) {
            return refused(
                    "province " + province + " did not exist yet on " + issuedOn + ", when the token was issued");
        }
        return OAuth2TokenValidatorResult.success();
    }

    private static OAuth2TokenValidatorResult refused(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", description, null));
    }
}
