package org.borderledger.query.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The console's texts: one catalogue per language under {@code static/console/messages/}, each with the same keys and
 * the same {placeholders} as the English one, every key the scripts name present, and the Khmer catalogue written in
 * Khmer script (Latin letters only in the names of formats and standards).
 */
class ConsoleCataloguesTest {

    static final String MESSAGES = "static/console/messages/";
    static final List<String> SCRIPTS = List.of(
            "api.js",
            "app.js",
            "audit.js",
            "charts.js",
            "figures.js",
            "geo.js",
            "i18n.js",
            "lists.js",
            "local-store.js",
            "markers.js",
            "offline-reads.js",
            "operations.js",
            "outbox.js",
            "record.js",
            "renewal.js",
            "session.js",
            "signin.js",
            "ui.js");
    /** Names of formats and standards that every language writes in Latin letters. */
    static final Set<String> LATIN_NAMES = Set.of("GeoJSON", "NDJSON", "JWT", "WGS84", "Ed25519");

    static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    static final Pattern LITERAL_KEY = Pattern.compile("\\bt[x]?\\('([A-Za-z0-9_.-]+)'");

    @ParameterizedTest
    @ValueSource(strings = {"vi", "km"})
    void everyCatalogueHasTheKeysOfTheEnglishOneAndNoOther(String language) {
        Set<String> english = catalogue("en").keySet();
        Set<String> other = catalogue(language).keySet();
        assertThat(difference(english, other))
                .as("keys missing in %s", language)
                .isEmpty();
        assertThat(difference(other, english)).as("keys only in %s", language).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "vi", "km"})
    void noTextIsEmptyAndNoKeyIsMadeOfAMissingValue(String language) {
        Map<String, String> texts = catalogue(language);
        assertThat(texts).isNotEmpty();
        texts.forEach((key, text) -> {
            assertThat(text).as("%s in %s", key, language).isNotBlank();
            assertThat(key)
                    .as("a key built from an absent value")
                    .doesNotEndWith(".null")
                    .doesNotEndWith(".undefined");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"vi", "km"})
    void everyTextHasThePlaceholdersOfItsEnglishText(String language) {
        Map<String, String> english = catalogue("en");
        catalogue(language).forEach((key, text) -> assertThat(placeholders(text))
                .as("placeholders of %s in %s", key, language)
                .isEqualTo(placeholders(english.get(key))));
    }

    @Test
    void theKhmerCatalogueIsWrittenInKhmer() {
        Map<String, String> wrong = new LinkedHashMap<>();
        catalogue("km").forEach((key, text) -> {
            String withoutPlaceholders = PLACEHOLDER.matcher(text).replaceAll("");
            Set<String> latinWords = Pattern.compile("[A-Za-z][A-Za-z0-9]*")
                    .matcher(withoutPlaceholders)
                    .results()
                    .map(java.util.regex.MatchResult::group)
                    .filter(word -> !LATIN_NAMES.contains(word))
                    .collect(Collectors.toCollection(TreeSet::new));
            boolean hasLetters = withoutPlaceholders.codePoints().anyMatch(Character::isLetter);
            boolean hasKhmer = withoutPlaceholders
                    .codePoints()
                    .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.KHMER);
            if (!latinWords.isEmpty() || (hasLetters && !hasKhmer && !onlyLatinNames(withoutPlaceholders))) {
                wrong.put(key, text);
            }
        });
        assertThat(wrong)
                .as("Khmer texts with English words or without Khmer script")
                .isEmpty();
    }

    @Test
    void theVietnameseCatalogueIsNotACopyOfTheEnglishOne() {
        Map<String, String> english = catalogue("en");
        long same = catalogue("vi").entrySet().stream()
                .filter(entry -> entry.getValue().equals(english.get(entry.getKey())))
                .filter(entry -> PLACEHOLDER
                        .matcher(entry.getValue())
                        .replaceAll("")
                        .codePoints()
                        .anyMatch(Character::isLetter))
                .filter(entry ->
                        !entry.getKey().startsWith("place.") && !entry.getKey().startsWith("province."))
                .count();
        assertThat(same)
                .as("Vietnamese texts identical to English (place names aside)")
                .isZero();
    }

    @Test
    void everyKeyTheScriptsNameIsInTheCatalogues() {
        Set<String> english = catalogue("en").keySet();
        Set<String> named = new TreeSet<>();
        for (String script : SCRIPTS) {
            Matcher keys = LITERAL_KEY.matcher(resource("static/console/" + script));
            while (keys.find()) {
                named.add(keys.group(1));
            }
        }
        assertThat(named).as("keys named in the scripts").hasSizeGreaterThan(100);
        assertThat(difference(named, english))
                .as("keys the scripts name and no catalogue holds")
                .isEmpty();
    }

    private static boolean onlyLatinNames(String text) {
        return LATIN_NAMES.stream().anyMatch(text::contains);
    }

    private static Set<String> placeholders(String text) {
        return PLACEHOLDER.matcher(text).results().map(m -> m.group(1)).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> difference(Set<String> from, Set<String> minus) {
        Set<String> out = new TreeSet<>(from);
        out.removeAll(minus);
        return out;
    }

    static Map<String, String> catalogue(String language) {
        try {
            return new ObjectMapper().readValue(resource(MESSAGES + language + ".json"), new TypeReference<>() {});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = ConsoleCataloguesTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
