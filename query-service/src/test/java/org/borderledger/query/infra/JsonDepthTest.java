package org.borderledger.query.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonDepthTest {

    @Test
    void countsObjectsAndArraysOpenedInsideEachOther() {
        byte[] three = bytes("{\"a\":[{\"b\":1}],\"c\":{}}");

        assertThat(JsonDepth.exceeds(three, 3)).isFalse();
        assertThat(JsonDepth.exceeds(three, 2)).isTrue();
    }

    @Test
    void bracketsInsideStringsDoNotCountEvenAfterAnEscapedQuote() {
        byte[] flat = bytes("{\"a\":\"[[[[{{{{\\\"[[[[\",\"b\":\"\\\\\"}");

        assertThat(JsonDepth.exceeds(flat, 1)).isFalse();
    }

    @Test
    void aDeeplyNestedValueIsCaughtWithoutReadingItAll() {
        byte[] deep = bytes("[".repeat(100_000));

        assertThat(JsonDepth.exceeds(deep, 32)).isTrue();
        assertThat(JsonDepth.exceeds(null, 1)).isFalse();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
