package org.borderledger.evidence;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Ed25519 signatures over seals. What is signed is the RFC 8785 canonical form ({@link Jcs}) of
 * {@code {"statement":"border-ledger/seal/v1","position":…,"eventsSealed":…,"chainHash":"…","sealedAt":"…",
 * "keyId":"…"}}, {@code sealedAt} in {@link Seal#time} form; a seal with a Merkle root signs
 * {@code "statement":"border-ledger/seal/v2"} and {@code "merkleRoot":"…"} besides; the signature is standard base64 of the 64 signature
 * bytes. A key's id is the first 16 hex digits of the SHA-256 of its public key in X.509 SubjectPublicKeyInfo DER form
 * ({@code openssl pkey -pubin -in key.pub.pem -outform DER | sha256sum | cut -c1-16}). Keys are PEM: PKCS#8 for the
 * private key ({@code openssl genpkey -algorithm ed25519}), SubjectPublicKeyInfo for the public one.
 */
public final class SealSignatures {

    private static final String ALGORITHM = "Ed25519";
    private static final String STATEMENT = "border-ledger/seal/v1";
    private static final String STATEMENT_WITH_ROOT = "border-ledger/seal/v2";
    private static final ObjectMapper json = new ObjectMapper();

    private SealSignatures() {}

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java 17 runtime has Ed25519", e);
        }
    }

    public static String keyId(PublicKey key) {
        return Sha256.hex(key.getEncoded()).substring(0, 16);
    }

    /** The bytes a seal's signature covers. */
    public static byte[] statement(Seal seal, String keyId) {
        ObjectNode statement = json.createObjectNode();
        statement.put("statement", seal.merkleRoot() == null ? STATEMENT : STATEMENT_WITH_ROOT);
        statement.put("position", seal.position());
        statement.put("eventsSealed", seal.eventsSealed());
        statement.put("chainHash", seal.chainHash());
        if (seal.merkleRoot() != null) {
            statement.put("merkleRoot", seal.merkleRoot());
        }
        statement.put("sealedAt", seal.sealedAtText());
        statement.put("keyId", keyId);
        try {
            return Jcs.canonicalize(json.writeValueAsString(statement));
        } catch (IOException e) {
            throw new IllegalStateException("A seal statement is always JSON", e);
        }
    }

    /** The seal with its key id and signature. */
    public static Seal sign(Seal seal, KeyPair key) {
        String keyId = keyId(key.getPublic());
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(key.getPrivate());
            signer.update(statement(seal, keyId));
            return new Seal(
                    seal.position(),
                    seal.eventsSealed(),
                    seal.chainHash(),
                    seal.sealedAt(),
                    keyId,
                    Base64.getEncoder().encodeToString(signer.sign()),
                    seal.merkleRoot());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** Whether the seal's signature is valid for {@code key} (which must carry the seal's key id). */
    public static boolean verify(Seal seal, PublicKey key) {
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(statement(seal, seal.keyId()));
            byte[] signature = Base64.getDecoder().decode(seal.signature());
            return signature.length == 64 && verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** A private key from PEM (PKCS#8), with its public key. */
    public static KeyPair readPrivateKey(String pem) throws IOException {
        try {
            PrivateKey key =
                    KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der(pem, "PRIVATE KEY")));
            return new KeyPair(publicKeyOf(key), key);
        } catch (InvalidKeySpecException | ClassCastException e) {
            throw new IOException("Not an Ed25519 private key in PKCS#8 PEM form", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java 17 runtime has Ed25519", e);
        }
    }

    /** A public key from PEM (SubjectPublicKeyInfo). */
    public static PublicKey readPublicKey(String pem) throws IOException {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der(pem, "PUBLIC KEY")));
        } catch (InvalidKeySpecException e) {
            throw new IOException("Not an Ed25519 public key in PEM form", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java 17 runtime has Ed25519", e);
        }
    }

    public static String pem(PrivateKey key) {
        return pem("PRIVATE KEY", key.getEncoded());
    }

    public static String pem(PublicKey key) {
        return pem("PUBLIC KEY", key.getEncoded());
    }

    /**
     * The public key of an Ed25519 private key. Java has no call for it, but its key pair generator turns 32 random
     * bytes into a key pair, the private key being those bytes: handed the private key's bytes, it gives its pair.
     */
    private static PublicKey publicKeyOf(PrivateKey key) throws GeneralSecurityException {
        byte[] seed = ((EdECPrivateKey) key)
                .getBytes()
                .orElseThrow(() -> new InvalidKeySpecException("The private key's bytes cannot be read"));
        KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
        generator.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
            }
        });
        return generator.generateKeyPair().getPublic();
    }

    private static byte[] der(String pem, String type) throws IOException {
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw new IOException("No " + begin + " block");
        }
        try {
            return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
        } catch (IllegalArgumentException e) {
            throw new IOException("The " + type + " block is not base64", e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
