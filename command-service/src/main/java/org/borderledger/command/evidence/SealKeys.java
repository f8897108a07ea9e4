package org.borderledger.command.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.borderledger.evidence.SealSignatures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The Ed25519 key the seals are signed with, and the public keys whose signatures verify. The key never lives in the
 * database: it comes from {@code ledger.audit.signing.key} (the PEM text, e.g. from a secret store) or from the file
 * {@code ledger.audit.signing.key-file}; with {@code ledger.audit.signing.generate=true} (the local run) a missing file
 * is created with a new key, readable by its owner only, and its public key written beside it
 * ({@code seal-key.pem} gets {@code seal-key.pub.pem}). Without a key the service does not start ({@link NoSealKey}).
 *
 * <p>Rotation: a new key signs the seals from then on; the public keys of earlier keys, listed in
 * {@code ledger.audit.signing.trusted-keys} (PEM files, or directories of {@code *.pem}), keep the seals they signed
 * verifying. A seal signed by a key in neither place is a break.
 */
@Component
class SealKeys {

    private static final Logger log = LoggerFactory.getLogger(SealKeys.class);

    private final KeyPair signing;
    private final String keyId;
    private final Map<String, PublicKey> trusted;

    SealKeys(
            @Value("${ledger.audit.signing.key:}") String key,
            @Value("${ledger.audit.signing.key-file:}") String keyFile,
            @Value("${ledger.audit.signing.generate:false}") boolean generate,
            @Value("${ledger.audit.signing.trusted-keys:}") List<String> trustedKeys) {
        this.signing = load(key, keyFile, generate);
        this.keyId = SealSignatures.keyId(signing.getPublic());
        Map<String, PublicKey> keys = new LinkedHashMap<>();
        keys.put(keyId, signing.getPublic());
        for (PublicKey earlier : publicKeys(trustedKeys)) {
            keys.putIfAbsent(SealSignatures.keyId(earlier), earlier);
        }
        this.trusted = Collections.unmodifiableMap(keys);
        log.info(
                "Seals are signed with Ed25519 key {}; {} public key(s) trusted for earlier seals", keyId, keys.size());
    }

    KeyPair signing() {
        return signing;
    }

    String keyId() {
        return keyId;
    }

    /** Every public key whose signature on a seal counts, by key id, in order: the signing key's first. */
    Map<String, PublicKey> trusted() {
        return trusted;
    }

    private static KeyPair load(String key, String keyFile, boolean generate) {
        try {
            if (!key.isBlank()) {
                return SealSignatures.readPrivateKey(key);
            }
            if (keyFile.isBlank()) {
                throw new NoSealKey();
            }
            Path file = Path.of(keyFile);
            if (Files.exists(file) || !generate) {
                return SealSignatures.readPrivateKey(Files.readString(file, StandardCharsets.US_ASCII));
            }
            return generate(file);
        } catch (IOException e) {
            throw new NoSealKey(keyFile, e);
        }
    }

    /** A new key in {@code file}, owner-only, and its public key beside it. */
    private static KeyPair generate(Path file) throws IOException {
        KeyPair pair = SealSignatures.generate();
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(ownerOnly));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        } catch (FileAlreadyExistsException raced) {
            return SealSignatures.readPrivateKey(Files.readString(file, StandardCharsets.US_ASCII));
        }
        Files.writeString(file, SealSignatures.pem(pair.getPrivate()), StandardCharsets.US_ASCII);
        Path publicFile = publicKeyFile(file);
        Files.writeString(publicFile, SealSignatures.pem(pair.getPublic()), StandardCharsets.US_ASCII);
        log.info(
                "Generated the seal signing key {} in {} (owner only); its public key, for auditors, is {}",
                SealSignatures.keyId(pair.getPublic()),
                file,
                publicFile);
        return pair;
    }

    /** Where a generated key's public key goes: {@code seal-key.pem} gets {@code seal-key.pub.pem}. */
    static Path publicKeyFile(Path keyFile) {
        String name = keyFile.getFileName().toString();
        String stem = name.endsWith(".pem") ? name.substring(0, name.length() - 4) : name;
        return keyFile.resolveSibling(stem + ".pub.pem");
    }

    private static List<PublicKey> publicKeys(List<String> paths) {
        List<PublicKey> keys = new ArrayList<>();
        for (String entry : paths) {
            if (entry.isBlank()) {
                continue;
            }
            Path path = Path.of(entry.trim());
            try {
                List<Path> files;
                if (Files.isDirectory(path)) {
                    try (Stream<Path> listed = Files.list(path)) {
                        files = listed.filter(file -> file.toString().endsWith(".pem"))
                                .sorted()
                                .toList();
                    }
                } else {
                    files = List.of(path);
                }
                for (Path file : files) {
                    keys.add(SealSignatures.readPublicKey(Files.readString(file, StandardCharsets.US_ASCII)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("A trusted seal key cannot be read from " + path, e);
            }
        }
        return keys;
    }
}
