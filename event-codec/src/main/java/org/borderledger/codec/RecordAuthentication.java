package org.borderledger.codec;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The MAC of a topic record: HMAC-SHA256 over the record key, every CloudEvents header ({@code ce_*} and
 * {@code content-type}, so identity, source, type, time, subject, aggregate type and sequence, position, revision and
 * the submission metadata) except the MAC itself, and the value (the event's JSON), exactly as they travel. The MAC and
 * the id of the key that made it are the headers {@value #MAC} and {@value #KEY_ID}. Headers outside CloudEvents (a
 * tracing header added by a client library) are not covered and not read.
 */
public final class RecordAuthentication {

    public static final String MAC = "ce_mac";
    public static final String KEY_ID = "ce_keyid";
    private static final String CONTENT_TYPE = "content-type";
    private static final byte[] DOMAIN = "border-ledger record v1".getBytes(StandardCharsets.UTF_8);

    private RecordAuthentication() {}

    /** Adds the key id and the MAC to {@code headers} of a record with {@code key} and {@code value}. */
    static void sign(RecordKeys keys, String key, Headers headers, byte[] value) {
        headers.remove(MAC).remove(KEY_ID);
        headers.add(KEY_ID, RecordKeys.utf8(keys.signingKeyId()));
        byte[] mac = keys.mac(keys.signingKeyId(), content(key, headers, value)).orElseThrow();
        headers.add(MAC, RecordKeys.utf8(Base64.getUrlEncoder().withoutPadding().encodeToString(mac)));
    }

    /** Whether a record's MAC is right under one of {@code keys}. */
    public static boolean isAuthentic(RecordKeys keys, String key, Headers headers, byte[] value) {
        return verify(keys, key, headers, value).isEmpty();
    }

    /** Why a record does not authenticate, or empty when its MAC is right under one of {@code keys}. */
    static Optional<RecordRejection> verify(RecordKeys keys, String key, Headers headers, byte[] value) {
        List<Header> macs = all(headers, MAC);
        List<Header> keyIds = all(headers, KEY_ID);
        if (macs.isEmpty() || keyIds.isEmpty()) {
            return Optional.of(new RecordRejection(RecordRejection.Kind.UNSIGNED, "The record carries no MAC"));
        }
        if (macs.size() > 1 || keyIds.size() > 1) {
            return Optional.of(
                    new RecordRejection(RecordRejection.Kind.FORGED, "The record carries more than one MAC or key id"));
        }
        String keyId = text(keyIds.get(0).value());
        if (!keys.knows(keyId)) {
            return Optional.of(new RecordRejection(
                    RecordRejection.Kind.UNKNOWN_KEY, "The record is signed with key '" + keyId + "', not configured"));
        }
        byte[] claimed;
        try {
            claimed = Base64.getUrlDecoder().decode(text(macs.get(0).value()));
        } catch (IllegalArgumentException e) {
            return Optional.of(new RecordRejection(RecordRejection.Kind.FORGED, "The record's MAC is not base64url"));
        }
        byte[] expected = keys.mac(keyId, content(key, headers, value)).orElseThrow();
        if (!MessageDigest.isEqual(expected, claimed)) {
            return Optional.of(new RecordRejection(
                    RecordRejection.Kind.FORGED,
                    "The record's MAC does not match its content under key '" + keyId + "' (forged or altered)"));
        }
        return Optional.empty();
    }

    private static byte[] content(String key, Headers headers, byte[] value) {
        List<Header> covered = new ArrayList<>();
        for (Header header : headers) {
            if (!header.key().equals(MAC)
                    && (header.key().startsWith("ce_") || header.key().equals(CONTENT_TYPE))) {
                covered.add(header);
            }
        }
        covered.sort(Comparator.comparing(Header::key)
                .thenComparing(Header::value, Comparator.nullsFirst(Arrays::compareUnsigned)));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + (value == null ? 0 : value.length));
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(DOMAIN);
            field(out, key == null ? null : RecordKeys.utf8(key));
            out.writeInt(covered.size());
            for (Header header : covered) {
                field(out, RecordKeys.utf8(header.key()));
                field(out, header.value());
            }
            field(out, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void field(DataOutputStream out, byte[] value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
        } else {
            out.writeInt(value.length);
            out.write(value);
        }
    }

    private static List<Header> all(Headers headers, String name) {
        List<Header> found = new ArrayList<>();
        headers.headers(name).forEach(found::add);
        return found;
    }

    private static String text(byte[] value) {
        return value == null ? "" : new String(value, StandardCharsets.UTF_8);
    }
}
