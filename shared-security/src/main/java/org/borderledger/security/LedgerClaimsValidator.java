package org.borderledger.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.borderledger.events.Provinces;
import org.borderledger.events.Side;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Refuses a token that lacks a claim the ledger needs, names a side other than VN/KH, a province of the other side,
 * or no known role.
 */
final class LedgerClaimsValidator implements OAuth2TokenValidator<Jwt> {

    private static final Set<String> ROLES =
            Set.of(LedgerPrincipal.UNIT, LedgerPrincipal.AUDITOR, LedgerPrincipal.ADMIN);

    @Override
    public OAuth2TokenValidatorResult validate(Jwt jwt) {
        List<String> problems = new ArrayList<>();
        for (String claim : LedgerPrincipal.REQUIRED_CLAIMS) {
            Object value = jwt.getClaims().get(claim);
            if (value == null || value.toString().isBlank()) {
                problems.add("missing claim " + claim);
            }
        }
        if (problems.isEmpty()) {
            String side = jwt.getClaimAsString("side");
            if (!"VN".equals(side) && !"KH".equals(side)) {
                problems.add("side must be VN or KH");
            } else if (!Provinces.sideOf(jwt.getClaimAsString("province"))
                    .map(Side.valueOf(side)::equals)
                    .orElse(false)) {
                problems.add("province must be an ISO 3166-2 code of the token's side");
            }
            List<String> roles = rolesOf(jwt);
            if (roles.isEmpty() || !ROLES.containsAll(roles)) {
                problems.add("roles must be a non-empty list of UNIT, AUDITOR, ADMIN");
            }
        }
        return problems.isEmpty()
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(
                        new OAuth2Error("invalid_token", String.join("; ", problems), null));
    }

    private static List<String> rolesOf(Jwt jwt) {
        try {
            List<String> roles = jwt.getClaimAsStringList("roles");
            return roles == null ? List.of() : roles;
        } catch (RuntimeException e) {
            return List.of();
        }
    }
}
