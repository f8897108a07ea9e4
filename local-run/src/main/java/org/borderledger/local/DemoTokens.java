package org.borderledger.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.borderledger.security.LedgerPrincipal;
import org.borderledger.security.LedgerTokens;
import org.borderledger.security.ReferenceUnits;

/**
 * The local run's HS256 secret (from {@code LEDGER_JWT_SECRET}, else generated once into the data dir) and ready-made
 * tokens for a Kiên Giang unit, a unit of the An Giang formed on 1 July 2025, a Kampot unit, an auditor and an admin,
 * with an admin of An Giang beside the Cambodian admin for changes of the provinces' reference data, issued anew on
 * every start for a working day ({@link #LIFETIME}) and written owner-only to {@code tokens.json}. The Kiên Giang token
 * records facts dated up to 30 June 2025, when Kiên Giang ended.
 */
final class DemoTokens {

    static final LedgerPrincipal KIEN_GIANG_UNIT = ReferenceUnits.kienGiangUnit("kg-border-guard");
    static final LedgerPrincipal AN_GIANG_UNIT = ReferenceUnits.anGiangUnit("ag-border-guard");
    static final LedgerPrincipal KAMPOT_UNIT = ReferenceUnits.kampotUnit("kp-border-police");
    static final LedgerPrincipal AUDITOR = ReferenceUnits.auditor("joint-auditor");
    static final LedgerPrincipal ADMIN = ReferenceUnits.admin("ledger-admin");
    static final LedgerPrincipal AN_GIANG_ADMIN = ReferenceUnits.anGiangAdmin("ledger-admin-ag");

    /** A working day at a border post: long enough for a session at the console, short enough to expire overnight. */
    static final Duration LIFETIME = Duration.ofHours(12);

    private final Map<String, String> tokens = new LinkedHashMap<>();

    private DemoTokens(String secret, Instant now) {
        tokens.put("kienGiangUnit", LedgerTokens.sign(secret, KIEN_GIANG_UNIT, now, LIFETIME));
        tokens.put("anGiangUnit", LedgerTokens.sign(secret, AN_GIANG_UNIT, now, LIFETIME));
        tokens.put("kampotUnit", LedgerTokens.sign(secret, KAMPOT_UNIT, now, LIFETIME));
        tokens.put("auditor", LedgerTokens.sign(secret, AUDITOR, now, LIFETIME));
        tokens.put("admin", LedgerTokens.sign(secret, ADMIN, now, LIFETIME));
        tokens.put("anGiangAdmin", LedgerTokens.sign(secret, AN_GIANG_ADMIN, now, LIFETIME));
    }

    static DemoTokens issue(String secret) {
        return new DemoTokens(secret, Instant.now());
    }

    String kienGiang() {
        return tokens.get("kienGiangUnit");
    }

    String anGiang() {
        return tokens.get("anGiangUnit");
    }

    String kampot() {
        return tokens.get("kampotUnit");
    }

    String auditor() {
        return tokens.get("auditor");
    }

    String admin() {
        return tokens.get("admin");
    }

    /** Writes the tokens to {@code file}, owner-only ({@code 0600}) from the moment it exists. */
    void write(Path file) throws IOException {
        LocalDataDir.writeSecret(
                file,
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(tokens));
    }

    String describe() {
        StringBuilder out = new StringBuilder("Demo tokens (valid " + LIFETIME.toHours() + " hours):\n");
        tokens.forEach((name, token) ->
                out.append("  ").append(name).append(": ").append(token).append('\n'));
        return out.toString();
    }

    /** {@code LEDGER_JWT_SECRET} when set, else the secret kept in the data dir, generated (256 bits) the first time. */
    static String secret(String configured, Path dataDir) throws IOException {
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        Path file = dataDir.resolve("jwt-secret");
        if (Files.exists(file)) {
            return Files.readString(file).trim();
        }
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        LocalDataDir.writeSecret(file, secret.getBytes(StandardCharsets.US_ASCII));
        return secret;
    }
}
