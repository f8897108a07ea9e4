package org.borderledger.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.reflect.Constructor;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.borderledger.events.Side;
import org.borderledger.security.LedgerRefusal;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.ProblemDetail;

/**
 * The command service's message catalogues ({@code i18n/command-messages}, English, Vietnamese and Khmer): the same
 * keys in all three, the same placeholders, a translation in each, and the English catalogue saying exactly what each
 * refusal says in English, so English answers are the refusals' own words.
 */
class CommandCataloguesTest {

    private static final List<String> LANGUAGES = List.of("", "_vi", "_km");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+|[a-z]+)}");
    private static final Pattern KHMER = Pattern.compile("[\\u1780-\\u17FF]");
    private static final Pattern VIETNAMESE = Pattern.compile("[À-ỹđĐ]");

    private final Map<String, Properties> catalogues = new TreeMap<>();

    CommandCataloguesTest() throws IOException {
        for (String language : LANGUAGES) {
            Properties catalogue = new Properties();
            try (Reader reader = new InputStreamReader(
                    new ClassPathResource("i18n/command-messages" + language + ".properties").getInputStream(),
                    StandardCharsets.UTF_8)) {
                catalogue.load(reader);
            }
            catalogues.put(language, catalogue);
        }
    }

    @Test
    void everyKeyIsInEveryLanguageAndSaysSomething() {
        Set<String> english = catalogues.get("").stringPropertyNames();
        assertThat(english).isNotEmpty();
        catalogues.forEach((language, catalogue) -> {
            assertThat(new TreeSet<>(catalogue.stringPropertyNames()))
                    .as("keys of command-messages%s", language)
                    .isEqualTo(new TreeSet<>(english));
            catalogue.stringPropertyNames().forEach(key -> assertThat(catalogue.getProperty(key))
                    .as(key)
                    .isNotBlank());
        });
    }

    @Test
    void everyTranslationHasTheSamePlaceholdersAsTheEnglish() {
        Properties english = catalogues.get("");
        for (String key : english.stringPropertyNames()) {
            for (String language : List.of("_vi", "_km")) {
                assertThat(placeholders(catalogues.get(language).getProperty(key)))
                        .as("%s in %s", key, language)
                        .isEqualTo(placeholders(english.getProperty(key)));
            }
        }
    }

    @Test
    void everyTitleAndDetailIsWrittenInItsLanguage() {
        for (String key : catalogues.get("").stringPropertyNames()) {
            if (key.startsWith("problemDetail.") || key.startsWith("field.") || key.endsWith(".message")) {
                assertThat(catalogues.get("_km").getProperty(key)).as(key).containsPattern(KHMER);
                assertThat(catalogues.get("_vi").getProperty(key)).as(key).containsPattern(VIETNAMESE);
            }
        }
    }

    @Test
    void theEnglishCatalogueSaysExactlyWhatEachRefusalSays() throws Exception {
        ResourceBundleMessageSource messages = messages();
        List<LedgerRefusal> refusals = everyRefusal();
        Map<String, List<LedgerRefusal>> translated = Map.of("vi", everyRefusal(), "km", everyRefusal());
        assertThat(refusals).hasSizeGreaterThanOrEqualTo(ProblemTypeNamesTest.PUBLIC_NAMES.size());

        for (int i = 0; i < refusals.size(); i++) {
            LedgerRefusal refusal = refusals.get(i);
            String english = refusal.getMessage();
            ProblemDetail answer = refusal.updateAndGetBody(messages, Locale.ENGLISH);
            assertThat(answer.getDetail()).as(refusal.getClass().getName()).isEqualTo(english);
            assertThat(answer.getTitle()).isEqualTo(LedgerRefusal.titleOf(refusal.type()));

            for (String language : List.of("vi", "km")) {
                ProblemDetail answered =
                        translated.get(language).get(i).updateAndGetBody(messages, Locale.forLanguageTag(language));
                assertThat(answered.getDetail())
                        .as("%s in %s", refusal.type(), language)
                        .isNotEqualTo(english)
                        .doesNotContain("{", "side.", "aggregate.");
                assertThat(answered.getTitle()).isNotEqualTo(answer.getTitle());
                assertThat(answered.getType()).isEqualTo(answer.getType());
                assertThat(answered.getProperties()).isEqualTo(answer.getProperties());
            }
        }
    }

    static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/command-messages", "i18n/security-messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }

    /** One instance of every refusal class, built from sample values of its constructor's parameters. */
    private static List<LedgerRefusal> everyRefusal() throws Exception {
        List<LedgerRefusal> refusals = new ArrayList<>();
        List<Class<?>> types = new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.borderledger.command")
                        .stream()
                        .filter(type -> type.isAssignableTo(Refusal.class))
                        .filter(type -> !type.getModifiers().contains(JavaModifier.ABSTRACT))
                        .<Class<?>>map(type -> type.reflect())
                        .sorted(java.util.Comparator.comparing(Class::getName))
                        .toList();
        for (Class<?> type : types) {
            for (Constructor<?> constructor : java.util.Arrays.stream(type.getDeclaredConstructors())
                    .sorted(java.util.Comparator.comparing(Constructor::toString))
                    .toList()) {
                refusals.add(build(constructor, false));
                if (List.of(constructor.getParameterTypes()).contains(LocalDate.class)) {
                    refusals.add(build(constructor, true));
                }
            }
        }
        return refusals;
    }

    private static LedgerRefusal build(Constructor<?> constructor, boolean lastDateMissing) throws Exception {
        constructor.setAccessible(true);
        Parameter[] parameters = constructor.getParameters();
        Object[] values = new Object[parameters.length];
        int lastDate = -1;
        for (int i = 0; i < parameters.length; i++) {
            values[i] = sample(parameters[i].getType(), i);
            if (parameters[i].getType() == LocalDate.class) {
                lastDate = i;
            }
        }
        if (lastDateMissing && lastDate >= 0) {
            values[lastDate] = null;
        }
        return (LedgerRefusal) constructor.newInstance(values);
    }

    private static Object sample(Class<?> type, int index) throws Exception {
        if (type == String.class) {
            return "x" + index;
        }
        if (type == String[].class) {
            return new String[] {"field" + index};
        }
        if (type == Side.class) {
            return index % 2 == 0 ? Side.VN : Side.KH;
        }
        if (type == LocalDate.class) {
            return LocalDate.of(2014, 8, 1 + index);
        }
        if (type == int.class || type == Integer.class) {
            return 1000 + index;
        }
        if (type == long.class || type == Long.class) {
            return 12_345L + index;
        }
        if (Collection.class.isAssignableFrom(type)) {
            return List.of("VN-47", "KH-7");
        }
        if (type.isRecord()) {
            RecordComponent[] components = type.getRecordComponents();
            Object[] values = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = sample(types[i], index * 10 + i);
            }
            return type.getDeclaredConstructor(types).newInstance(values);
        }
        throw new IllegalArgumentException("No sample of " + type);
    }
}
