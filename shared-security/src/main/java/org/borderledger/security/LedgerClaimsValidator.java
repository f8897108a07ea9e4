package org.borderledger.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.borderledger.events.FieldLimits;
import org.borderledger.events.Provinces;
import org.borderledger.events.Side;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Refuses a token that lacks a claim the ledger needs, carries a {@code sub}, {@code unit} or {@code province} that is
 * not a string within its {@link FieldLimits} limit (or holds characters no store takes), names a side other than
 * VN/KH or a province of the other side, or carries roles outside the role policy: a non-empty list of {@code UNIT},
 * {@code AUDITOR} and {@code ADMIN} in which {@code UNIT} stands alone. A unit records facts; auditors and admins check
 * and rebuild what was recorded; nobody does both (separation of duties). {@code AUDITOR} and {@code ADMIN} may go
 * together.
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
            bounded(jwt, "sub", FieldLimits.SUBJECT, problems);
            bounded(jwt, "unit", FieldLimits.UNIT, problems);
            bounded(jwt, "province", FieldLimits.PROVINCE, problems);
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
            } else if (roles.contains(LedgerPrincipal.UNIT) && Set.copyOf(roles).size() > 1) {
                problems.add("UNIT cannot go with AUDITOR or ADMIN: who records facts does not audit or rebuild them");
            }
        }
        return problems.isEmpty()
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(
                        new OAuth2Error("invalid_token", String.join("; ", problems), null));
    }

    private static void bounded(Jwt jwt, String claim, int limit, List<String> problems) {
        if (!(jwt.getClaims().get(claim) instanceof String value)) {
            problems.add(claim + " must be a string");
        } else if (value.length() > limit || !FieldLimits.storable(value)) {
            problems.add(claim + " must be at most " + limit + " characters, without control characters");
        }
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
