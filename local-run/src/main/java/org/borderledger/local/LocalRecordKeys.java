package org.borderledger.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The key that signs and verifies the local run's topic records: {@code LEDGER_RECORD_KEYS} when set, else a key kept
 * in the data dir, generated (256 bits) the first time, so records written before a restart still verify after it.
 */
final class LocalRecordKeys {

    private LocalRecordKeys() {}

    static String keys(String configured, Path dataDir) throws IOException {
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        Path file = dataDir.resolve("record-keys");
        if (Files.exists(file)) {
            return Files.readString(file).trim();
        }
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        String keys = "local=" + Base64.getEncoder().encodeToString(bytes);
        LocalDataDir.writeSecret(file, keys.getBytes(StandardCharsets.US_ASCII));
        return keys;
    }
}
