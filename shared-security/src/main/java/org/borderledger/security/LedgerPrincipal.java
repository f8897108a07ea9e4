package org.borderledger.security;

import java.util.List;
import java.util.Set;
import org.borderledger.events.Side;
import org.springframework.security.oauth2.jwt.Jwt;

/** Who a valid token speaks for: {@code sub}, {@code unit}, {@code side}, {@code province} and {@code roles}. */
public record LedgerPrincipal(String subject, String unit, Side side, String province, Set<String> roles) {

    public static final String UNIT = "UNIT";
    public static final String AUDITOR = "AUDITOR";
    public static final String ADMIN = "ADMIN";

    static final List<String> REQUIRED_CLAIMS = List.of("sub", "unit", "side", "province", "roles");

    public static LedgerPrincipal of(Jwt jwt) {
        return new LedgerPrincipal(
                jwt.getSubject(),
                jwt.getClaimAsString("unit"),
                Side.valueOf(jwt.getClaimAsString("side")),
                jwt.getClaimAsString("province"),
                Set.copyOf(jwt.getClaimAsStringList("roles")));
    }
}
