package org.borderledger.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.borderledger.events.Provinces;
import org.borderledger.events.Side;
import org.borderledger.security.LedgerPrincipal;
import org.borderledger.security.LedgerTokens;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The web console in headless Chromium against the local run with the seed reports' facts: every role signs in and
 * sees its pages, a user signs in through an OpenID Connect provider with PKCE, the seed figures show for their periods, a figure opens the facts behind it, a unit records a fact
 * (once, however often it clicks) and sees it, a refused fact shows the server's reason next to the field, an auditor
 * verifies the store, an admin replays the read models to the end. Screenshots of every page, at desktop and phone
 * width, go to {@code target/console-screenshots}. Without Chromium and its driver the tests are skipped.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIT {

    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    @TempDir
    static Path dataDir;

    LocalSettings settings;
    LocalLedger ledger;
    ConsoleBrowser browser;
    FakeOpenIdProvider identityProvider;
    long demoPosition;

    @BeforeAll
    void startTheLedgerAndTheBrowser() throws Exception {
        Optional<Path[]> chromium = ConsoleBrowser.installed();
        Assumptions.assumeTrue(
                chromium.isPresent(),
                "No Chromium: the console's browser tests need /usr/bin/chromium and /usr/bin/chromedriver"
                        + " (Debian: apt-get install chromium chromium-driver; .ci/run installs them)");
        settings = LocalRuns.embeddedDefaults(dataDir);
        identityProvider = new FakeOpenIdProvider("border-ledger", () -> signedByTheLocalRun(OIDC_OFFICER));
        System.setProperty("ledger.console.oidc.issuer", identityProvider.issuer());
        try {
            ledger = LocalLedger.start(settings);
        } finally {
            System.clearProperty("ledger.console.oidc.issuer");
        }
        demoPosition = ledger.recordDemoData();
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
        if (identityProvider != null) {
            identityProvider.close();
        }
        if (ledger != null) {
            ledger.close();
        }
    }

    @Test
    @Order(1)
    void eachRoleSignsInAndSeesThePagesItMayUse() {
        assertThat(LocalRuns.query(settings).get("/", null).header("Content-Security-Policy"))
                .as("the console runs under its Content-Security-Policy")
                .contains("script-src 'self';")
                .contains("connect-src 'self' http://localhost:" + settings.commandPort() + " "
                        + identityProvider.issuer().replaceFirst("^(https?://[^/]+).*$", "$1") + ";")
                .doesNotContain("unsafe-inline");
        browser.open("");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Sign in");
        shoot("sign-in");

        browser.signInAs("kienGiangUnit");
        assertThat(browser.text(By.id("who"))).contains("Kiên Giang Border Guard Command", "unit");
        assertThat(navigation()).contains("nav-record").doesNotContain("nav-audit", "nav-operations");

        browser.signInAs("kampotUnit");
        assertThat(browser.text(By.id("who"))).contains("Kampot Provincial Border Police");
        assertThat(navigation()).contains("nav-record").doesNotContain("nav-audit");

        browser.signInAs("auditor");
        assertThat(navigation()).contains("nav-audit", "nav-figures").doesNotContain("nav-record", "nav-operations");

        browser.signInAs("admin");
        assertThat(navigation()).contains("nav-operations", "nav-audit").doesNotContain("nav-record");
        browser.click(By.id("sign-out"));
        browser.shows("sign-in");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Sign in");
    }

    @Test
    @Order(2)
    void signsInThroughAnOpenIdConnectProviderWithPkceAndKeepsTheCodeOutOfTheAddress() {
        browser.open("");
        browser.click(By.id("oidc-sign-in"));

        browser.visible(By.id("nav-figures"));
        assertThat(browser.text(By.id("who"))).contains("Kiên Giang Provincial Military Command", "unit");
        assertThat(browser.driver().getCurrentUrl()).doesNotContain("code=").doesNotContain("state=");
        assertThat(identityProvider.tokensIssued()).isEqualTo(1);
        assertThat(identityProvider.exchangesRefused()).isZero();
        assertThat((String) ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                        .executeScript("return localStorage.getItem('ledger.token');"))
                .as("the token never outlives the tab")
                .isNull();
        browser.click(By.id("sign-out"));
    }

    @Test
    @Order(3)
    void theSeedFiguresShowForTheirPeriodsInEnglishAndVietnamese() {
        browser.signInAs("auditor");
        showPeriod("2014-01-01", "2014-12-31");
        assertThat(figure("REMAINS_RECOVERED")).isEqualTo("44");
        assertThat(figure("REMAINS_REPATRIATED")).isEqualTo("44");
        assertThat(figure("MARKERS_COMPLETED")).isEqualTo("22");
        assertThat(figure("TRADE_TURNOVER_USD")).isEqualTo("101000000");
        assertThat(browser.text(By.id("value-TRADE_TURNOVER_USD"))).isEqualTo("US$101,000,000");
        browser.visible(By.cssSelector("#chart-trade canvas"));
        shoot("figures");

        showPeriod("2022-01-01", "2023-12-31");
        assertThat(figure("TRADE_TURNOVER_USD")).isEqualTo("256000000");
        assertThat(figure("VISITORS_VN_TO_KH")).isEqualTo("53000");
        assertThat(figure("VISITORS_KH_TO_VN")).isEqualTo("40000");
        assertThat(browser.text(By.id("value-VISITORS_VN_TO_KH"))).isEqualTo("53,000");

        new org.openqa.selenium.support.ui.Select(browser.visible(By.id("lang"))).selectByValue("vi");
        browser.until(
                d -> d.findElement(By.id("value-VISITORS_VN_TO_KH")).getText().equals("53.000"));
        assertThat(browser.text(By.id("nav-figures"))).isEqualTo("Số liệu");
        assertThat(browser.text(By.id("value-VISITORS_KH_TO_VN"))).isEqualTo("40.000");
        assertThat(browser.text(By.id("value-TRADE_TURNOVER_USD"))).contains("256.000.000");
        shoot("figures-vi");
        new org.openqa.selenium.support.ui.Select(browser.visible(By.id("lang"))).selectByValue("en");
    }

    @Test
    @Order(4)
    void aFigureOpensTheFactsThatMakeItUpWithWhoRecordedThem() {
        browser.signInAs("auditor");
        showPeriod("2014-01-01", "2014-12-31");
        browser.click(By.id("figure-REMAINS_RECOVERED"));

        browser.visible(By.id("facts-title"));
        List<WebElement> rows = browser.until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector("#figure-facts tbody tr"));
            return found.isEmpty() ? null : found;
        });
        long total = rows.stream()
                .mapToLong(row -> Long.parseLong(
                        row.findElements(By.tagName("td")).get(4).getText().replace(",", "")))
                .sum();
        assertThat(total).as("the recoveries add up to the figure").isEqualTo(44);
        assertThat(rows.get(0).getText())
                .contains("Remains recovered", "REP-2014-KP-01", "kg-border-guard", "Kiên Giang Border Guard Command");
        shoot("figure-facts");

        rows.get(0).findElement(By.linkText("REP-2014-KP-01")).click();
        assertThat(browser.text(By.id("detail-title"))).contains("REP-2014-KP-01");
        assertThat(browser.text(By.id("detail-timeline")))
                .contains("Case opened", "Remains recovered", "Remains repatriated");
        shoot("case-detail");
    }

    @Test
    @Order(5)
    void aUnitRecordsAFactOnceHoweverOftenItClicksAndSeesItsNewState() {
        browser.signInAs("kienGiangUnit");
        browser.open("#/record?form=report-indicator");
        browser.type(By.id("f-report-indicator-id"), "IND-2024-VISITORS-BROWSER");
        new org.openqa.selenium.support.ui.Select(browser.visible(By.id("f-report-indicator-indicator")))
                .selectByValue("VISITORS_KH_TO_VN");
        browser.set(By.id("f-report-indicator-periodFrom"), "2024-01-01");
        browser.set(By.id("f-report-indicator-periodTo"), "2024-12-31");
        browser.type(By.id("f-report-indicator-value"), "21500");
        browser.type(By.id("f-report-indicator-source"), "Kiên Giang Department of Tourism");

        new Actions(browser.driver())
                .doubleClick(browser.visible(By.id("record-submit")))
                .perform();

        assertThat(browser.text(By.id("write-accepted"))).contains("IND-2024-VISITORS-BROWSER");
        assertThat(browser.text(By.id("write-state"))).contains("21,500", "Visitors Cambodia → Viet Nam");
        shoot("record");
        LedgerHttp.Response facts = LocalRuns.query(settings)
                .get(
                        "/api/facts?aggregateId=IND-2024-VISITORS-BROWSER",
                        ledger.tokens().auditor());
        assertThat(facts.json().get("total").asLong())
                .as("a double click records once")
                .isEqualTo(1);
    }

    @Test
    @Order(6)
    void aRefusedFactShowsTheReasonNextToTheFieldAtFault() {
        browser.signInAs("kienGiangUnit");
        browser.open("#/record?form=record-repatriation");
        browser.type(By.id("f-record-repatriation-target"), "REP-2014-KP-01");
        browser.set(By.id("f-record-repatriation-repatriatedOn"), "2099-01-01");
        browser.type(By.id("f-record-repatriation-count"), "1000");
        browser.click(By.id("record-submit"));
        assertThat(browser.text(By.cssSelector("[data-field='repatriatedOn'] .error")))
                .as("a future date is refused before sending")
                .startsWith("After today on the border");
        assertThat(browser.present(By.id("write-refused"))).isFalse();

        browser.set(By.id("f-record-repatriation-repatriatedOn"), "2014-12-01");
        browser.click(By.id("record-submit"));

        assertThat(browser.text(By.id("write-refused"))).contains("422", "cannot be repatriated");
        assertThat(browser.text(By.cssSelector("[data-field='count'] .error"))).contains("cannot be repatriated");
        assertThat(browser.visible(By.id("f-record-repatriation-count")).getAttribute("aria-invalid"))
                .isEqualTo("true");
        shoot("record-refused");
    }

    @Test
    @Order(7)
    void listsMapAndDetailPagesShowTheRecords() {
        browser.signInAs("auditor");
        browser.open("#/agreements");
        assertThat(browser.text(By.tagName("table"))).contains("AGR-2014-001");
        shoot("agreements");
        browser.open("#/agreements/AGR-2014-001");
        assertThat(browser.text(By.id("detail-timeline"))).contains("Agreement signed", "kg-border-guard");
        shoot("agreement-detail");
        browser.open("#/repatriation-cases");
        assertThat(browser.text(By.tagName("table"))).contains("REP-2014-KP-01");
        shoot("repatriation-cases");
        browser.open("#/indicators?kind=TRADE_TURNOVER_USD");
        assertThat(browser.text(By.tagName("table"))).contains("IND-2014-TRADE").doesNotContain("VISITORS");
        shoot("indicators");
        browser.open("#/markers");
        assertThat(browser.all(By.cssSelector("#marker-map a.marker"))).hasSize(22);
        assertThat(browser.visible(By.cssSelector("#marker-map a[data-marker='314/1']"))
                        .getAttribute("aria-label"))
                .contains("Completed");
        shoot("markers");
    }

    @Test
    @Order(8)
    void anAuditorVerifiesTheStoreAndSeesTheHistory() {
        browser.signInAs("auditor");
        browser.open("#/audit");
        browser.click(By.id("verify-run"));
        assertThat(browser.text(By.id("verify-verdict"))).startsWith("The store verifies.");
        assertThat(browser.text(By.id("seal-hash"))).matches("[0-9a-f]{64}");
        browser.until(
                d -> !d.findElements(By.cssSelector("#audit-events tbody tr")).isEmpty());
        browser.type(By.id("history-aggregate"), "IND-2014-TRADE");
        browser.click(By.id("history-show"));
        assertThat(browser.text(By.id("audit-history"))).contains("Figure reported", "kg-border-guard");
        shoot("audit");
    }

    @Test
    @Order(9)
    void anAdminReplaysTheReadModelsAndVerifiesTheWholeStoreWatchingBothFinish() {
        browser.signInAs("admin");
        browser.open("#/operations");
        browser.click(By.id("replay-start"));

        browser.until(
                d -> "COMPLETED".equals(d.findElement(By.id("replay-status")).getAttribute("data-status")));
        assertThat(browser.visible(By.id("replay-progress")).getAttribute("value"))
                .isEqualTo("100");
        assertThat(browser.text(By.id("replay-status"))).contains("Completed");

        browser.click(By.id("verification-start"));
        browser.until(d ->
                "COMPLETED".equals(d.findElement(By.id("verification-status")).getAttribute("data-status")));
        assertThat(browser.text(By.id("verification-status"))).contains("The store verifies.");
        shoot("operations");

        showPeriod("2014-01-01", "2014-12-31");
        assertThat(figure("REMAINS_RECOVERED")).as("the rebuilt read models").isEqualTo("44");
    }

    static final LedgerPrincipal OIDC_OFFICER = new LedgerPrincipal(
            "kg-liaison-officer",
            "Kiên Giang Provincial Military Command",
            Side.VN,
            Provinces.KIEN_GIANG,
            Set.of(LedgerPrincipal.UNIT));

    /** A token as the identity provider would issue it, signed with the local run's key so the services accept it. */
    private String signedByTheLocalRun(LedgerPrincipal principal) {
        try {
            return LedgerTokens.sign(DemoTokens.secret(null, dataDir), principal, Instant.now(), Duration.ofMinutes(5));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private List<String> navigation() {
        return browser.all(By.cssSelector("#nav a")).stream()
                .map(link -> link.getAttribute("id"))
                .toList();
    }

    private void showPeriod(String from, String to) {
        browser.open("#/figures");
        browser.set(By.id("period-from"), from);
        browser.set(By.id("period-to"), to);
        browser.click(By.id("period-show"));
        browser.visible(By.cssSelector("#period-shown[data-from='" + from + "'][data-to='" + to + "']"));
    }

    private String figure(String key) {
        return browser.until(d -> d.findElement(By.id("value-" + key)).getAttribute("data-value"));
    }

    private void shoot(String page) {
        browser.screenshot(SCREENSHOTS.resolve(page + "-desktop.png"), ConsoleBrowser.DESKTOP_WIDTH);
        browser.screenshot(SCREENSHOTS.resolve(page + "-phone.png"), ConsoleBrowser.PHONE_WIDTH);
    }
}
