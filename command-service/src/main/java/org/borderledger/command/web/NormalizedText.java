package org.borderledger.command.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.text.Normalizer;

/**
 * Every text of a request body in Unicode NFC: {@code Kiên Giang} typed with a combining circumflex and acute, or a
 * Khmer name with its vowel signs in decomposed order, is read as the composed form, so it is hashed (the
 * idempotency key's request hash), checked against its limit ({@link Text}, in code points) and stored as one text,
 * and answered as stored. Only the reading of request bodies is affected; events are stored and loaded unchanged.
 */
final class NormalizedText extends StdScalarDeserializer<String> {

    private NormalizedText() {
        super(String.class);
    }

    /** A copy of {@code json} that reads every string value of a body in NFC; writing is unchanged. */
    static ObjectMapper reading(ObjectMapper json) {
        return json.copy()
                .registerModule(new SimpleModule("nfc-text").addDeserializer(String.class, new NormalizedText()));
    }

    static String nfc(String text) {
        return text == null || Normalizer.isNormalized(text, Normalizer.Form.NFC)
                ? text
                : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        return nfc(StringDeserializer.instance.deserialize(parser, context));
    }
}
