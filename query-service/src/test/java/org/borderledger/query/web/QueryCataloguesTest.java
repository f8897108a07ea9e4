package org.borderledger.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.borderledger.security.LedgerRefusal;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The query service's message catalogues ({@code i18n/query-messages}): the same keys and placeholders in English,
 * Vietnamese and Khmer, and English answers unchanged: the problems' own words and Spring's own details.
 */
class QueryCataloguesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+|[a-z]+)}");

    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

    QueryCataloguesTest() {
        messages.setBasenames("i18n/query-messages", "i18n/security-messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
    }

    @Test
    void everyKeyIsInEveryLanguageWithTheSamePlaceholdersAndTranslated() throws IOException {
        Properties english = load("");
        assertThat(english.stringPropertyNames()).isNotEmpty();
        for (String language : List.of("_vi", "_km")) {
            Properties translated = load(language);
            assertThat(new TreeSet<>(translated.stringPropertyNames()))
                    .as(language)
                    .isEqualTo(new TreeSet<>(english.stringPropertyNames()));
            for (String key : english.stringPropertyNames()) {
                assertThat(placeholders(translated.getProperty(key)))
                        .as("%s in %s", key, language)
                        .isEqualTo(placeholders(english.getProperty(key)));
                assertThat(translated.getProperty(key)).as(key).isNotEqualTo(english.getProperty(key));
            }
        }
    }

    @Test
    void theEnglishCatalogueSaysWhatEachProblemSaysAndTheOthersTranslateIt() {
        List<LedgerRefusal> problems = List.of(
                new UnknownId("marker", "999/9"),
                new UnknownId("repatriation case", "REP-1"),
                new UnknownId("dead letter", "7"),
                new UnknownId("consistency check", "c-1"),
                new InvalidParameter(
                        List.of("from", "to"),
                        "from-after-to",
                        "'from' (2014-02-01) is after 'to' (2014-01-01)",
                        LocalDate.of(2014, 2, 1),
                        LocalDate.of(2014, 1, 1)));
        for (LedgerRefusal problem : problems) {
            ProblemDetail english = problem.updateAndGetBody(messages, Locale.ENGLISH);
            assertThat(english.getDetail()).isEqualTo(problem.getMessage());
            assertThat(english.getTitle()).isEqualTo(problem.title());
            for (String language : List.of("vi", "km")) {
                ProblemDetail translated = copy(problem).updateAndGetBody(messages, Locale.forLanguageTag(language));
                assertThat(translated.getDetail())
                        .isNotEqualTo(problem.getMessage())
                        .doesNotContain("what.");
                assertThat(translated.getTitle()).isNotEqualTo(problem.title());
                assertThat(translated.getType()).isEqualTo(english.getType());
            }
        }
    }

    @Test
    void theEnglishOfSpringsOwnRefusalsIsSpringsOwn() {
        List<ErrorResponse> refusals = List.of(
                new HttpRequestMethodNotSupportedException("PUT", List.of("GET")),
                new HttpMediaTypeNotSupportedException(MediaType.TEXT_PLAIN, List.of(MediaType.APPLICATION_JSON)),
                new HttpMediaTypeNotAcceptableException(List.of(MediaType.APPLICATION_JSON)),
                new MissingServletRequestParameterException("size", "int"));
        NoResourceFoundException missing = new NoResourceFoundException(HttpMethod.GET, "api/nothing");
        assertThat(messages.getMessage("problemDetail.no-resource", new Object[] {"api/nothing"}, Locale.ENGLISH))
                .isEqualTo(missing.getBody().getDetail());
        for (ErrorResponse refusal : refusals) {
            String spring = refusal.getBody().getDetail();
            String english = messages.getMessage(
                    refusal.getDetailMessageCode(), refusal.getDetailMessageArguments(), Locale.ENGLISH);
            assertThat(english).as(refusal.getClass().getName()).isEqualTo(spring);
            assertThat(messages.getMessage(
                            refusal.getDetailMessageCode(),
                            refusal.getDetailMessageArguments(),
                            Locale.forLanguageTag("km")))
                    .isNotEqualTo(spring);
        }
    }

    private static LedgerRefusal copy(LedgerRefusal problem) {
        if (problem instanceof UnknownId) {
            String[] parts = problem.getMessage().split(" with id '");
            return new UnknownId(parts[0].substring(3), parts[1].substring(0, parts[1].length() - 1));
        }
        return new InvalidParameter(
                List.of("from", "to"),
                "from-after-to",
                problem.getMessage(),
                LocalDate.of(2014, 2, 1),
                LocalDate.of(2014, 1, 1));
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }

    private static Properties load(String language) throws IOException {
        Properties catalogue = new Properties();
        try (Reader reader = new InputStreamReader(
                QueryCataloguesTest.class.getResourceAsStream("/i18n/query-messages" + language + ".properties"),
                StandardCharsets.UTF_8)) {
            catalogue.load(reader);
        }
        return catalogue;
    }
}
