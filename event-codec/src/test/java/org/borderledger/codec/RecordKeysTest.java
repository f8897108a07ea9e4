package org.borderledger.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class RecordKeysTest {

    private static final String SECRET = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void signsWithTheFirstKeyUnlessOneIsNamedAndKnowsEveryKey() {
        RecordKeys keys = RecordKeys.parse("k2=" + SECRET + ", k1=" + SECRET, null);

        assertThat(keys.signingKeyId()).isEqualTo("k2");
        assertThat(keys.knows("k1")).isTrue();
        assertThat(keys.knows("k3")).isFalse();
        assertThat(RecordKeys.parse("k2=" + SECRET + ",k1=" + SECRET, "k1").signingKeyId())
                .isEqualTo("k1");
    }

    @Test
    void refusesAMissingShortMalformedOrRepeatedKeyAndNeverEchoesASecret() {
        assertThatThrownBy(() -> RecordKeys.parse("", null)).hasMessageContaining("LEDGER_RECORD_KEYS");
        assertThatThrownBy(() -> RecordKeys.parse("k1=" + Base64.getEncoder().encodeToString(new byte[16]), null))
                .hasMessageContaining("at least 32");
        assertThatThrownBy(() -> RecordKeys.parse("k1=not base64!", null)).hasMessageContaining("base64");
        assertThatThrownBy(() -> RecordKeys.parse("justasecretwithoutanid", null))
                .hasMessageContaining("id=base64secret")
                .hasMessageNotContaining("justasecretwithoutanid");
        assertThatThrownBy(() -> RecordKeys.parse("k1=" + SECRET + ",k1=" + SECRET, null))
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> RecordKeys.parse("k1=" + SECRET, "k9")).hasMessageContaining("k9");
        assertThat(RecordKeys.parse("k1=" + SECRET, null).toString()).doesNotContain(SECRET);
    }
}
