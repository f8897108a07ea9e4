package org.borderledger.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The request's language from {@code Accept-Language}, and the security catalogues ({@code i18n/security-messages}):
 * the same keys in English, Vietnamese and Khmer, each translated.
 */
class LanguagesTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "km|km",
                "km-KH|km",
                "vi|vi",
                "vi-VN,vi;q=0.9,en;q=0.8|vi",
                "fr-FR, km;q=0.5, vi;q=0.4|km",
                "en-GB|en",
                "xx|en",
                "*|en",
                "km;q=2|en",
                ";;;q=abc|en",
                "tlh-x-aaaaaaaaaaaa|en",
                "''|en"
            })
    void theLanguageIsTheBestMatchOfAcceptLanguageElseEnglish(String header, String language) {
        assertThat(LedgerLocales.of(header).getLanguage()).isEqualTo(language);
    }

    @Test
    void noHeaderIsEnglish() {
        assertThat(LedgerLocales.of(null)).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void everyKeyIsInEveryLanguageAndTranslated() throws IOException {
        Properties english = load("");
        assertThat(english.stringPropertyNames()).isNotEmpty();
        for (String language : List.of("_vi", "_km")) {
            Properties translated = load(language);
            assertThat(new TreeSet<>(translated.stringPropertyNames()))
                    .as(language)
                    .isEqualTo(new TreeSet<>(english.stringPropertyNames()));
            for (String key : english.stringPropertyNames()) {
                if (!key.equals("valve.title.status")) {
                    assertThat(translated.getProperty(key))
                            .as("%s in %s", key, language)
                            .isNotBlank()
                            .isNotEqualTo(english.getProperty(key));
                }
            }
        }
    }

    private static Properties load(String language) throws IOException {
        Properties catalogue = new Properties();
        try (Reader reader = new InputStreamReader(
                LanguagesTest.class.getResourceAsStream("/i18n/security-messages" + language + ".properties"),
                StandardCharsets.UTF_8)) {
            catalogue.load(reader);
        }
        return catalogue;
    }
}
