package org.borderledger.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.security.KeyPair;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PinnedKeysTest {

    private static final ObjectMapper json = new ObjectMapper();
    private static final KeyPair OLD = SealSignatures.generate();
    private static final KeyPair NEW = SealSignatures.generate();
    private static final KeyPair STRANGER = SealSignatures.generate();

    @Test
    void aSealCountsOnlyWithAPinnedKeyInsideItsRangeOfPositions() throws IOException {
        PinnedKeys pinned = PinnedKeys.parse(
                file(entry(OLD, 1, 100L), entry(NEW, 101, null)).toString());

        assertThat(pinned.check(seal(50, OLD))).isEqualTo(PinnedKeys.Verdict.VALID);
        assertThat(pinned.check(seal(100, OLD))).isEqualTo(PinnedKeys.Verdict.VALID);
        assertThat(pinned.check(seal(101, OLD))).isEqualTo(PinnedKeys.Verdict.KEY_OUT_OF_RANGE);
        assertThat(pinned.check(seal(100, NEW))).isEqualTo(PinnedKeys.Verdict.KEY_OUT_OF_RANGE);
        assertThat(pinned.check(seal(1_000_000, NEW))).isEqualTo(PinnedKeys.Verdict.VALID);
        assertThat(pinned.check(seal(50, STRANGER))).isEqualTo(PinnedKeys.Verdict.KEY_NOT_PINNED);
        assertThat(pinned.check(new Seal(50, 50, "ab", Instant.EPOCH, null, null)))
                .isEqualTo(PinnedKeys.Verdict.UNSIGNED);

        Seal signed = seal(50, OLD);
        Seal altered = new Seal(50, 51, signed.chainHash(), signed.sealedAt(), signed.keyId(), signed.signature());
        assertThat(pinned.check(altered)).isEqualTo(PinnedKeys.Verdict.SIGNATURE_INVALID);
    }

    @Test
    void refusesAFileThatIsNotExactlyAPinnedKeyFile() {
        ObjectNode wrongId = entry(OLD, 1, null).put("keyId", SealSignatures.keyId(NEW.getPublic()));
        ObjectNode emptyRange = entry(OLD, 10, 9L);
        ObjectNode unknownMember = entry(OLD, 1, null).put("validFrom", "2024-01-01");

        assertThatThrownBy(() -> PinnedKeys.parse(file(wrongId).toString()))
                .hasMessageContaining("is not the id of its key");
        assertThatThrownBy(() -> PinnedKeys.parse(file(emptyRange).toString())).hasMessageContaining("validToPosition");
        assertThatThrownBy(() -> PinnedKeys.parse(file(unknownMember).toString()))
                .hasMessageContaining("unknown members [validFrom]");
        assertThatThrownBy(() -> PinnedKeys.parse(
                        file(entry(OLD, 1, null), entry(OLD, 5, null)).toString()))
                .hasMessageContaining("a second time");
        assertThatThrownBy(() -> PinnedKeys.parse(file().toString())).hasMessageContaining("pins no key");
        assertThatThrownBy(() -> PinnedKeys.parse("{\"keys\":[]}")).hasMessageContaining("format");
        assertThatThrownBy(() -> PinnedKeys.parse("not json")).hasMessageContaining("not JSON");
    }

    private static Seal seal(long position, KeyPair key) {
        return SealSignatures.sign(
                new Seal(position, position, "c0ffee", Instant.parse("2024-01-01T00:00:00Z"), null, null), key);
    }

    private static ObjectNode entry(KeyPair key, long from, Long to) {
        ObjectNode entry = json.createObjectNode()
                .put("keyId", SealSignatures.keyId(key.getPublic()))
                .put("publicKeyPem", SealSignatures.pem(key.getPublic()))
                .put("validFromPosition", from);
        return to == null ? entry.putNull("validToPosition") : entry.put("validToPosition", to);
    }

    private static ObjectNode file(ObjectNode... entries) {
        ObjectNode file = json.createObjectNode().put("format", PinnedKeys.FORMAT);
        ArrayNode keys = file.putArray("keys");
        for (ObjectNode entry : entries) {
            keys.add(entry);
        }
        return file;
    }
}
