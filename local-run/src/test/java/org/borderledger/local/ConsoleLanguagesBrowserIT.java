package org.borderledger.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.borderledger.testsupport.LedgerHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The console in Khmer, Vietnamese and English in headless Chromium against the local run with the seed facts: every
 * page in a pseudo-locale shows only catalogue texts, formatted values and data; every page in Khmer shows no English
 * label, renders Khmer in the Noto Sans Khmer the console ships (the machine needs no Khmer font) and overflows no card,
 * button or cell at 360 px; numbers and dates follow the Khmer digits setting, inputs take either digit set, every API
 * call names the chosen language, and an agreement records all its signatories. Screenshots of every page in Khmer, at
 * desktop and phone width, go to {@code target/console-screenshots/km}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleLanguagesBrowserIT {

    static final Path SCREENSHOTS = Path.of("target", "console-screenshots", "km");
    static final int NARROW_PHONE_WIDTH = 360;

    /** Pages an administrator (also an auditor) sees, with what shows once each has loaded. */
    static final List<String[]> ADMIN_PAGES = List.of(
            new String[] {"figures", "#/figures?from=2014-01-01&to=2014-12-31&figure=REMAINS_RECOVERED", "#facts-title"
            },
            new String[] {"markers", "#/markers", "#marker-map a.marker"},
            new String[] {"marker-detail", "#/markers/314%2F1", "#detail-timeline li"},
            new String[] {"agreements", "#/agreements", "table"},
            new String[] {"agreement-detail", "#/agreements/AGR-2014-001", "#detail-timeline li"},
            new String[] {"repatriation-cases", "#/repatriation-cases", "table"},
            new String[] {"case-detail", "#/repatriation-cases/REP-2014-KP-01", "#detail-timeline li"},
            new String[] {"indicators", "#/indicators", "table"},
            new String[] {"indicator-detail", "#/indicators/IND-2014-TRADE", "#detail-timeline li"},
            new String[] {"audit", "#/audit?aggregate=IND-2014-TRADE", "#audit-history li"},
            new String[] {"operations", "#/operations", "#replay-start"});

    static final List<String> FORMS = List.of(
            "sign-agreement",
            "review-agreement",
            "amend-agreement",
            "terminate-agreement",
            "open-case",
            "record-recovery",
            "record-repatriation",
            "plan-marker",
            "report-completion",
            "confirm-completion",
            "report-damage",
            "record-repair",
            "report-indicator",
            "correct-indicator");

    /**
     * Text a page shows outside data (marked translate="no") and the language picker (each language's own name), as one
     * string in document order, with the attributes a user reads (aria-label, placeholder, title) and the page title.
     * A map marker's tooltip repeats its aria-label, which is checked.
     */
    static final String SHOWN_TEXT =
            """
            const hidden = node => node.closest('[translate="no"], #lang, script, style, noscript, template, svg title');
            const texts = [document.title];
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              if (node.parentElement && !hidden(node.parentElement)) texts.push(node.data);
            }
            const attributes = [];
            for (const element of document.body.querySelectorAll('[aria-label], [placeholder], [title]')) {
              if (hidden(element)) continue;
              for (const name of ['aria-label', 'placeholder', 'title']) {
                if (element.hasAttribute(name)) attributes.push(element.getAttribute(name));
              }
            }
            return [texts.join(''), attributes.join('\\n')];
            """;

    /** Elements whose content is wider than their box at the current width. */
    static final String OVERFLOWING =
            """
            const out = [];
            const selector = 'button, label, legend, .card, .panel, .figure, th, td, h1, h2, h3, p, dd, dt, li, .badge, '
              + '.top nav a, .field, .alert, .success';
            for (const element of document.querySelectorAll(selector)) {
              if (!element.getClientRects().length || element.clientWidth === 0 || element.closest('.visually-hidden')) continue;
              if (element.closest('pre, .table-wrap') && !element.matches('th, td')) continue;
              if (element.scrollWidth > element.clientWidth + 1) {
                out.push(`${element.tagName.toLowerCase()}#${element.id}.${element.className}: `
                  + `${element.scrollWidth} > ${element.clientWidth}: ${element.textContent.slice(0, 60)}`);
              }
            }
            if (document.documentElement.scrollWidth > window.innerWidth + 1) {
              out.push(`the page: ${document.documentElement.scrollWidth} > ${window.innerWidth}`);
            }
            return out;
            """;

    @TempDir
    static Path dataDir;

    LocalSettings settings;
    LocalLedger ledger;
    ConsoleBrowser browser;

    @BeforeAll
    void startTheLedgerAndTheBrowser() throws Exception {
        Optional<Path[]> chromium = ConsoleBrowser.installed();
        Assumptions.assumeTrue(
                chromium.isPresent(),
                "No Chromium: the console's browser tests need /usr/bin/chromium and /usr/bin/chromedriver"
                        + " (Debian: apt-get install chromium chromium-driver; .ci/run installs them)");
        settings = LocalRuns.embeddedDefaults(dataDir);
        ledger = LocalLedger.start(settings);
        long demoPosition = ledger.recordDemoData();
        LedgerHttp.Response caughtUp = LocalRuns.until(200, Duration.ofSeconds(60), () -> LocalRuns.query(settings)
                .get(
                        "/api/statistics?from=2014-01-01&to=2014-12-31&minPosition=" + demoPosition,
                        ledger.tokens().auditor()));
        assertThat(caughtUp.status()).as(caughtUp.body()).isEqualTo(200);
        browser = ConsoleBrowser.open(chromium.get(), "http://127.0.0.1:" + settings.queryPort(), ledger::signInLink);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (ledger != null) {
            ledger.close();
        }
    }

    @Test
    @Order(1)
    void inThePseudoLocaleEveryPageShowsOnlyCatalogueTextsFormattedValuesAndData() {
        List<String> stray = new ArrayList<>();
        signInAs("admin", "qps");
        for (String[] page : ADMIN_PAGES) {
            show(page[1], page[2]);
            if (page[0].equals("audit")) {
                browser.click(By.id("verify-run"));
                browser.visible(By.id("verify-verdict"));
                browser.visible(By.cssSelector("#audit-events tbody tr"));
            }
            stray.addAll(strayPseudoText(page[0]));
        }
        signInAs("kienGiangUnit", "qps");
        for (String form : FORMS) {
            show("#/record?form=" + form, "#form-" + form);
            stray.addAll(strayPseudoText("record " + form));
        }
        browser.click(By.id("record-submit"));
        browser.visible(By.cssSelector(".field.invalid"));
        stray.addAll(strayPseudoText("record refused before sending"));
        signOut();
        stray.addAll(strayPseudoText("sign-in"));
        assertThat(stray).as("text from neither the catalogue nor the data").isEmpty();
    }

    @Test
    @Order(2)
    void inKhmerNoPageShowsAnEnglishLabelNorOverflowsAtPhoneOrDesktopWidth() {
        List<String> english = new ArrayList<>();
        List<String> overflowing = new ArrayList<>();
        signOut();
        setLanguage("km", "khmr");
        browser.driver().navigate().refresh();
        browser.driver().get(baseUrl() + "#" + ledger.signInLink().getFragment());
        browser.visible(By.id("identity-admin"));
        english.addAll(englishWords("sign-in"));
        shoot("sign-in");
        signInAs("admin", "km");
        for (String[] page : ADMIN_PAGES) {
            show(page[1], page[2]);
            english.addAll(englishWords(page[0]));
            overflowing.addAll(overflowing(page[0], NARROW_PHONE_WIDTH));
            overflowing.addAll(overflowing(page[0], ConsoleBrowser.DESKTOP_WIDTH));
            shoot(page[0]);
        }
        signInAs("kienGiangUnit", "km");
        for (String form : FORMS) {
            show("#/record?form=" + form, "#form-" + form);
            english.addAll(englishWords("record " + form));
            overflowing.addAll(overflowing("record " + form, NARROW_PHONE_WIDTH));
            overflowing.addAll(overflowing("record " + form, ConsoleBrowser.DESKTOP_WIDTH));
        }
        show("#/record?form=sign-agreement", "#form-sign-agreement");
        shoot("record-sign-agreement");
        assertThat(english).as("English words on a page in Khmer (data aside)").isEmpty();
        assertThat(overflowing)
                .as("content wider than its box at 360 px or at desktop width")
                .isEmpty();
    }

    @Test
    @Order(3)
    void khmerTextIsDrawnWithTheNotoSansKhmerTheConsoleShips() {
        signInAs("auditor", "km");
        show("#/figures", "#chart-trade");
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        Object loaded = js.executeAsyncScript(
                """
                const done = arguments[arguments.length - 1];
                document.fonts.ready.then(() => done({
                  check: document.fonts.check('16px "Noto Sans Khmer"', 'ក'),
                  faces: [...document.fonts].filter(f => f.family.replace(/"/g, '') === 'Noto Sans Khmer' && f.status === 'loaded')
                    .map(f => f.weight),
                  files: performance.getEntriesByType('resource').map(r => r.name).filter(n => n.endsWith('.woff2')),
                  origin: location.origin,
                }));
                """);
        @SuppressWarnings("unchecked")
        Map<String, Object> fonts = (Map<String, Object>) loaded;
        assertThat(fonts.get("check")).isEqualTo(true);
        @SuppressWarnings("unchecked")
        List<Object> faces = (List<Object>) fonts.get("faces");
        assertThat(faces).as("Noto Sans Khmer faces loaded").contains("400");
        @SuppressWarnings("unchecked")
        List<String> files = (List<String>) fonts.get("files");
        assertThat(files)
                .as("fonts the page loaded, all from the console's own origin")
                .isNotEmpty()
                .allMatch(file -> file.startsWith(fonts.get("origin") + "/console/fonts/noto-sans-khmer-khmer-"));

        ChromeDriver chrome = (ChromeDriver) browser.driver();
        chrome.executeCdpCommand("DOM.enable", Map.of());
        chrome.executeCdpCommand("CSS.enable", Map.of());
        Map<String, Object> document = chrome.executeCdpCommand("DOM.getDocument", Map.of());
        @SuppressWarnings("unchecked")
        Object root = ((Map<String, Object>) document.get("root")).get("nodeId");
        for (String selector : List.of("#nav-figures", "h1", "#figure-REMAINS_RECOVERED .label")) {
            Object node = chrome.executeCdpCommand("DOM.querySelector", Map.of("nodeId", root, "selector", selector))
                    .get("nodeId");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> used = (List<Map<String, Object>>)
                    chrome.executeCdpCommand("CSS.getPlatformFontsForNode", Map.of("nodeId", node))
                            .get("fonts");
            assertThat(used).as("fonts drawing %s", selector).isNotEmpty().allSatisfy(font -> {
                assertThat(font.get("familyName")).isEqualTo("Noto Sans Khmer");
                assertThat(font.get("isCustomFont")).isEqualTo(true);
            });
        }
    }

    @Test
    @Order(4)
    void numbersAndDatesFollowTheKhmerDigitsSettingRememberedByTheBrowser() {
        signInAs("auditor", "km");
        show("#/figures?from=2014-01-01&to=2014-12-31", "#value-REMAINS_RECOVERED");
        assertThat(browser.text(By.id("value-REMAINS_RECOVERED"))).isEqualTo("៤៤");
        assertThat(browser.text(By.id("value-TRADE_TURNOVER_USD")))
                .contains("១០១")
                .doesNotContainPattern("[0-9]");
        assertThat(browser.text(By.id("period-shown"))).contains("២០១៤").contains("មករា");
        assertThat(browser.text(By.id("nav-figures"))).isEqualTo("តួលេខ");

        new Select(browser.visible(By.id("digits"))).selectByValue("latn");
        browser.until(
                d -> d.findElement(By.id("value-REMAINS_RECOVERED")).getText().equals("44"));
        browser.driver().navigate().refresh();
        browser.until(
                d -> d.findElement(By.id("value-REMAINS_RECOVERED")).getText().equals("44"));
        assertThat(browser.text(By.id("value-TRADE_TURNOVER_USD"))).contains("101");
        assertThat(browser.text(By.id("period-shown"))).contains("2014").contains("មករា");

        new Select(browser.visible(By.id("lang"))).selectByValue("en");
        browser.until(d -> d.findElement(By.id("nav-figures")).getText().equals("Figures"));
        assertThat(browser.driver().findElement(By.id("digits-setting")).isDisplayed())
                .isFalse();
    }

    @Test
    @Order(5)
    void everyApiCallNamesTheChosenLanguage() {
        signInAs("auditor", "km");
        show("#/figures", "#chart-trade");
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        js.executeScript(
                """
                window.sentLanguages = [];
                const send = window.fetch;
                window.fetch = (url, options) => {
                  window.sentLanguages.push([String(url), (options && options.headers || {})['Accept-Language'] || null]);
                  return send(url, options);
                };
                """);
        show("#/agreements", "table");
        show("#/markers", "#marker-map a.marker");
        @SuppressWarnings("unchecked")
        List<List<String>> sent = (List<List<String>>) js.executeScript("return window.sentLanguages;");
        assertThat(sent)
                .isNotEmpty()
                .allSatisfy(call -> assertThat(call.get(1)).as(call.get(0)).isEqualTo("km"));
    }

    @Test
    @Order(6)
    void aUnitTypesKhmerDigitsAndSignsAnAgreementWithAllItsSignatories() {
        signInAs("kienGiangUnit", "km");
        show("#/record?form=report-indicator", "#form-report-indicator");
        browser.type(By.id("f-report-indicator-id"), "IND-2024-VISITORS-KM");
        new Select(browser.visible(By.id("f-report-indicator-indicator"))).selectByValue("VISITORS_KH_TO_VN");
        browser.set(By.id("f-report-indicator-periodFrom"), "2024-01-01");
        browser.set(By.id("f-report-indicator-periodTo"), "2024-12-31");
        browser.type(By.id("f-report-indicator-value"), "២១៥០០");
        browser.click(By.id("record-submit"));
        assertThat(browser.text(By.id("write-state")))
                .contains("២១")
                .contains("៥០០")
                .doesNotContain("21");
        JsonNode indicator = LocalRuns.query(settings)
                .get("/api/indicators/IND-2024-VISITORS-KM", ledger.tokens().auditor())
                .json();
        assertThat(indicator.get("value").asLong())
                .as("the API received Latin digits")
                .isEqualTo(21500);

        show("#/record?form=sign-agreement", "#form-sign-agreement");
        String form = "f-sign-agreement-signatories";
        assertThat(browser.all(By.cssSelector("#" + form + " .signatory")))
                .as("one row per party")
                .hasSize(2);
        browser.type(By.id("f-sign-agreement-id"), "AGR-2024-KM-01");
        browser.type(By.id("f-sign-agreement-title"), "កិច្ចព្រមព្រៀងស្តីពីការគ្រប់គ្រងច្រកព្រំដែនហាទៀង – ព្រែកចាក");
        browser.set(By.id("f-sign-agreement-signedOn"), "2024-03-05");
        browser.set(By.id("f-sign-agreement-validFrom"), "2024-03-05");
        browser.set(By.id("f-sign-agreement-validTo"), "2029-03-04");
        browser.click(By.cssSelector("#f-sign-agreement-domains input[value='BORDER_SECURITY']"));
        browser.type(By.id(form + "-0-name"), "Nguyễn Văn An");
        browser.type(By.id(form + "-0-title"), "Phó Chủ tịch UBND tỉnh Kiên Giang");
        browser.type(By.id(form + "-1-name"), "សុខ សុភា");
        browser.type(By.id(form + "-1-title"), "អភិបាលរងខេត្តកំពត");

        browser.click(By.id(form + "-1-remove"));
        browser.click(By.id("record-submit"));
        assertThat(browser.text(By.cssSelector("[data-field='signatories'] > .error")))
                .as("a party without a signatory is refused before sending")
                .contains("ខេត្តកំពត");
        assertThat(browser.present(By.id("write-accepted"))).isFalse();

        browser.click(By.id(form + "-add"));
        browser.type(By.id(form + "-2-name"), "សុខ សុភា");
        browser.type(By.id(form + "-2-title"), "អភិបាលរងខេត្តកំពត");
        browser.click(By.id(form + "-add"));
        new Select(browser.visible(By.id(form + "-3-province"))).selectByValue("VN-47");
        browser.type(By.id(form + "-3-name"), "Trần Thị Bình");
        shoot("record-signatories");
        browser.click(By.id("record-submit"));

        assertThat(browser.text(By.id("write-accepted"))).contains("AGR-2024-KM-01");
        assertThat(browser.text(By.id("detail-signatories")))
                .contains("Nguyễn Văn An", "សុខ សុភា", "Trần Thị Bình", "ខេត្តកំពត", "ខេត្តកៀនយ៉ាង");
        JsonNode agreement = LocalRuns.query(settings)
                .get("/api/agreements/AGR-2024-KM-01", ledger.tokens().auditor())
                .json();
        assertThat(agreement.get("signatories")).hasSize(3);
        assertThat(agreement.get("signatories").get(1).get("name").asText()).isEqualTo("សុខ សុភា");
        assertThat(agreement.get("signatories").get(1).get("province").asText()).isEqualTo("KH-7");
    }

    private void signInAs(String identity, String language) {
        browser.driver().get(baseUrl());
        ((JavascriptExecutor) browser.driver())
                .executeScript(
                        "sessionStorage.clear(); localStorage.setItem('ledger.language', arguments[0]);"
                                + " localStorage.removeItem('ledger.digits');",
                        language);
        browser.driver().navigate().refresh();
        browser.driver().get(baseUrl() + "#" + ledger.signInLink().getFragment());
        browser.click(By.id("identity-" + identity));
        browser.visible(By.id("nav-figures"));
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + settings.queryPort() + "/";
    }

    private void setLanguage(String language, String digits) {
        ((JavascriptExecutor) browser.driver())
                .executeScript(
                        "localStorage.setItem('ledger.language', arguments[0]);"
                                + " localStorage.setItem('ledger.digits', arguments[1]);",
                        language,
                        digits);
    }

    private void signOut() {
        browser.driver().get(baseUrl());
        ((JavascriptExecutor) browser.driver()).executeScript("sessionStorage.clear();");
        browser.driver().navigate().refresh();
        browser.shows("sign-in");
    }

    /** Opens a page and waits until what it loads after its first paint shows. */
    private void show(String hash, String loaded) {
        browser.open(hash);
        browser.visible(By.cssSelector(loaded));
    }

    private List<String> shown() {
        @SuppressWarnings("unchecked")
        List<String> both = (List<String>) ((JavascriptExecutor) browser.driver()).executeScript(SHOWN_TEXT);
        return both;
    }

    /** What remains of the page's text once catalogue texts (⟦…⟧) and formatted values (⟪…⟫) are taken out. */
    private List<String> strayPseudoText(String page) {
        List<String> out = new ArrayList<>();
        List<String> both = shown();
        for (int i = 0; i < both.size(); i++) {
            String rest = both.get(i);
            for (String before = ""; !before.equals(rest); ) {
                before = rest;
                rest = rest.replaceAll("⟪[^⟪⟫]*⟫", "").replaceAll("⟦[^⟦⟧]*⟧", "");
            }
            String pattern = i == 0 ? "[\\p{L}\\p{N}]+" : "\\p{L}+";
            java.util.regex.Matcher words =
                    java.util.regex.Pattern.compile(pattern).matcher(rest);
            while (words.find()) {
                out.add(page + ": " + words.group() + " in …"
                        + rest.substring(Math.max(0, words.start() - 30), Math.min(rest.length(), words.end() + 30)));
            }
        }
        return out;
    }

    /** Words in Latin letters on a page in Khmer, besides the names of formats and standards. */
    private List<String> englishWords(String page) {
        List<String> out = new ArrayList<>();
        for (String text : shown()) {
            java.util.regex.Matcher words =
                    java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9]*").matcher(text);
            while (words.find()) {
                if (!List.of("GeoJSON", "NDJSON", "JWT", "WGS84", "Ed25519").contains(words.group())) {
                    out.add(page + ": " + words.group() + " in …"
                            + text.substring(
                                    Math.max(0, words.start() - 30), Math.min(text.length(), words.end() + 30)));
                }
            }
        }
        return out;
    }

    private List<String> overflowing(String page, int width) {
        ChromeDriver chrome = (ChromeDriver) browser.driver();
        chrome.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", 800, "deviceScaleFactor", 1, "mobile", width < 600));
        try {
            ((JavascriptExecutor) chrome)
                    .executeAsyncScript("const done = arguments[arguments.length - 1];"
                            + " document.fonts.ready.then(() => requestAnimationFrame(() => setTimeout(done, 200)));");
            @SuppressWarnings("unchecked")
            List<String> found = (List<String>) ((JavascriptExecutor) chrome).executeScript(OVERFLOWING);
            return found.stream()
                    .map(line -> page + " at " + width + " px: " + line)
                    .toList();
        } finally {
            chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    private void shoot(String page) {
        browser.screenshot(SCREENSHOTS.resolve(page + "-desktop.png"), ConsoleBrowser.DESKTOP_WIDTH);
        browser.screenshot(SCREENSHOTS.resolve(page + "-phone.png"), ConsoleBrowser.PHONE_WIDTH);
    }
}
