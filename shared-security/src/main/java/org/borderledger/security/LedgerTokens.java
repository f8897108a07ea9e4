package org.borderledger.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/** Signs HS256 tokens with the local secret: the local run's demo tokens, and tests. */
public final class LedgerTokens {

    private LedgerTokens() {}

    public static String sign(String secret, LedgerPrincipal principal, Instant issuedAt, Duration lifetime) {
        return sign(secret, claims(principal, issuedAt, lifetime).build());
    }

    public static JWTClaimsSet.Builder claims(LedgerPrincipal principal, Instant issuedAt, Duration lifetime) {
        return new JWTClaimsSet.Builder()
                .subject(principal.subject())
                .claim("unit", principal.unit())
                .claim("side", principal.side().name())
                .claim("province", principal.province())
                .claim("roles", List.copyOf(principal.roles()))
                .issuer("border-ledger-local")
                .issueTime(Date.from(issuedAt))
                .notBeforeTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(lifetime)));
    }

    public static String sign(String secret, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(LedgerSecurity.hmacKey(secret).getEncoded()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign token", e);
        }
    }
}
