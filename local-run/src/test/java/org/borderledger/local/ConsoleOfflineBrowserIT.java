package org.borderledger.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.borderledger.events.Provinces;
import org.borderledger.events.Side;
import org.borderledger.security.LedgerPrincipal;
import org.borderledger.security.LedgerTokens;
import org.borderledger.testsupport.LedgerHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
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
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.Select;

/**
 * The console at a border post with a weak link, in headless Chromium with the network switched off and on through
 * the DevTools protocol: after a first visit the console starts offline and shows what it last read, marked as such;
 * facts recorded offline wait in the outbox through a reload and a closed tab and are recorded once each, in order,
 * when the link is back; a write whose answer was lost after the server committed it is sent again with its key and
 * recorded once; a refused write shows the server's reason, holds the later writes to its record, and lets the others
 * go. The command service is reached through {@link LostAnswerProxy}, which can cut a connection after the answer.
 * Screenshots of the outbox (waiting offline, and with a refusal) go to {@code target/console-screenshots}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleOfflineBrowserIT {

    @TempDir
    static Path dataDir;

    LocalSettings settings;
    LocalLedger ledger;
    LostAnswerProxy proxy;
    ConsoleBrowser browser;
    String baseUrl;

    @BeforeAll
    void startTheLedgerAndTheBrowser() throws Exception {
        Optional<Path[]> chromium = ConsoleBrowser.installed();
        Assumptions.assumeTrue(
                chromium.isPresent(),
                "No Chromium: the console's browser tests need /usr/bin/chromium and chromedriver");
        settings = LocalRuns.embeddedDefaults(dataDir);
        proxy = new LostAnswerProxy("http://127.0.0.1:" + settings.commandPort());
        System.setProperty("ledger.console.command-url", proxy.url());
        try {
            ledger = LocalLedger.start(settings);
        } finally {
            System.clearProperty("ledger.console.command-url");
        }
        long demoPosition = ledger.recordDemoData();
        LedgerHttp.Response caughtUp = LocalRuns.until(200, Duration.ofSeconds(60), () -> LocalRuns.query(settings)
                .get(
                        "/api/repatriation-cases/REP-2014-KP-01?minPosition=" + demoPosition,
                        ledger.tokens().auditor()));
        assertThat(caughtUp.status()).as(caughtUp.body()).isEqualTo(200);
        baseUrl = "http://127.0.0.1:" + settings.queryPort();
        browser = ConsoleBrowser.open(chromium.get(), baseUrl, ledger::signInLink);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (ledger != null) {
            ledger.close();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    @AfterEach
    void linkBack() {
        if (browser != null) {
            network(true);
        }
    }

    @Test
    @Order(1)
    void afterAFirstVisitTheConsoleStartsOfflineAndShowsWhatItLastReadMarkedAsSuch() {
        browser.signInAs("kienGiangUnit");
        browser.open("#/repatriation-cases/REP-2014-KP-01");
        assertThat(browser.text(By.id("detail-timeline"))).contains("Remains repatriated");
        controlledByTheServiceWorker();
        assertThat(browser.present(By.id("offline-copy"))).isFalse();
        Object caches = ((JavascriptExecutor) browser.driver())
                .executeAsyncScript("const done = arguments[arguments.length - 1]; caches.keys().then(done);");
        assertThat((List<?>) caches)
                .as("one cache, named after this version of the console's files")
                .singleElement()
                .asString()
                .matches("ledger-console-[0-9a-f]{16}");

        network(false);
        try {
            browser.driver().navigate().refresh();
            browser.shows("#/repatriation-cases/REP-2014-KP-01");
            assertThat(browser.text(By.id("detail-timeline"))).contains("Remains repatriated");
            assertThat(browser.text(By.id("offline-copy")))
                    .startsWith("No connection: shown as read on")
                    .contains("position");
            assertThat(script("return navigator.onLine;")).isEqualTo(false);
        } finally {
            network(true);
        }
    }

    @Test
    @Order(2)
    void threeFactsRecordedOfflineSurviveAReloadAndAClosedTabAndAreRecordedOnceEachInOrder() {
        browser.signInAs("kienGiangUnit");
        browser.open("#/record?form=report-indicator");
        controlledByTheServiceWorker();
        network(false);

        reportIndicator("IND-2025-OFFLINE", "1200");
        correctIndicator("IND-2025-OFFLINE", "1300", "Recounted at the gate");
        correctIndicator("IND-2025-OFFLINE", "1400", "Late arrivals added");
        browser.open("#/outbox");
        assertThat(waiting()).isEqualTo(3);
        shoot("outbox-offline");

        browser.driver().navigate().refresh();
        browser.shows("#/outbox");
        assertThat(waiting()).as("the outbox after a reload offline").isEqualTo(3);
        assertThat(proxy.keys()).as("nothing is sent offline").isEmpty();

        String closed = browser.driver().getWindowHandle();
        browser.driver().switchTo().newWindow(WindowType.TAB);
        String reopened = browser.driver().getWindowHandle();
        browser.driver().switchTo().window(closed).close();
        browser.driver().switchTo().window(reopened);
        network(false);
        browser.driver().get(baseUrl + "/");
        browser.shows("sign-in");
        network(true);

        browser.signInAs("kienGiangUnit");
        browser.open("#/outbox");
        browser.until(d -> waiting() == 0 && sent() == 3);

        List<JsonNode> facts = facts("IND-2025-OFFLINE");
        assertThat(facts)
                .extracting(f -> f.get("eventType").asText())
                .containsExactly("IndicatorReported", "IndicatorCorrected", "IndicatorCorrected");
        assertThat(facts)
                .extracting(f -> f.get("payload").get("value").asLong())
                .containsExactly(1200L, 1300L, 1400L);
        assertThat(proxy.keys()).as("three writes, three keys").hasSize(3).doesNotHaveDuplicates();
    }

    @Test
    @Order(3)
    void aWriteWhoseAnswerWasLostIsSentAgainWithItsKeyAndRecordedOnce() {
        browser.signInAs("kienGiangUnit");
        int before = proxy.keys().size();
        proxy.loseNextAnswers(1);

        reportIndicator("IND-2025-LOST-ANSWER", "5100");
        browser.open("#/outbox");
        browser.until(d -> sent() >= 1 && waiting() == 0);

        assertThat(proxy.lost()).isEqualTo(1);
        List<String> keys = proxy.keys().subList(before, proxy.keys().size());
        assertThat(keys)
                .as("the same write, sent again with its key")
                .hasSize(2)
                .containsOnly(keys.get(0));
        assertThat(facts("IND-2025-LOST-ANSWER"))
                .as("recorded once, under the key sent twice")
                .singleElement()
                .satisfies(
                        f -> assertThat(f.get("metadata").get("idempotencykey").asText())
                                .isEqualTo(keys.get(0)));
        assertThat(browser.text(By.cssSelector("#outbox-entries li[data-state='sent']")))
                .contains("IND-2025-LOST-ANSWER", "position");
    }

    @Test
    @Order(4)
    void aRefusedWriteShowsItsReasonHoldsTheLaterWritesToItsRecordAndLetsTheOthersGo() {
        browser.signInAs("kienGiangUnit");
        browser.open("#/record?form=record-repatriation");
        network(false);
        recordRepatriation("REP-2014-KP-01", "1000");
        recordRecovery("REP-2014-KP-01", "1");
        reportIndicator("IND-2025-AFTER-REFUSAL", "700");
        network(true);

        browser.open("#/outbox");
        browser.until(d -> !d.findElements(By.cssSelector("#outbox-entries li[data-state='refused']"))
                .isEmpty());
        browser.until(d -> facts("IND-2025-AFTER-REFUSAL").size() == 1);
        String refused = browser.text(By.cssSelector("#outbox-entries li[data-state='refused']"));
        assertThat(refused)
                .contains("Refused (422)", "cannot be repatriated", "Later writes to the same record wait")
                .as("a conflict shows the record as it stands")
                .contains("The record has moved on", "Current state", "Recovered");
        assertThat(waiting()).as("the recovery waits behind the refusal").isEqualTo(1);
        int recoveriesBefore = recoveries();
        shoot("outbox-refused");

        browser.click(By.cssSelector("#outbox-entries li[data-state='refused'] button[id^='outbox-drop-']"));
        browser.until(d -> waiting() == 0);
        browser.until(d -> recoveries() == recoveriesBefore + 1);
        assertThat(facts("REP-2014-KP-01").stream()
                        .filter(f -> f.get("eventType").asText().equals("RemainsRepatriated"))
                        .filter(f -> f.get("payload").get("count").asLong() == 1000))
                .as("the refused write is not recorded")
                .isEmpty();
    }

    @Test
    @Order(5)
    void aRefusedWriteIsCorrectedAndSentAgainUnderANewKey() {
        browser.signInAs("kienGiangUnit");
        browser.open("#/record?form=report-indicator");
        network(false);
        reportIndicator("IND-2025-OFFLINE", "900");
        network(true);

        browser.open("#/outbox");
        String refused = browser.text(By.cssSelector("#outbox-entries li[data-state='refused']"));
        assertThat(refused).contains("Refused (409)", "Already exists", "Current state", "1,400");
        String keyRefused = proxy.keys().get(proxy.keys().size() - 1);

        browser.click(By.cssSelector("#outbox-entries li[data-state='refused'] a[id^='outbox-correct-']"));
        assertThat(browser.text(By.id("write-refused"))).contains("409", "Already exists");
        assertThat(browser.visible(By.id("f-report-indicator-value")).getDomProperty("value"))
                .isEqualTo("900");
        browser.type(By.id("f-report-indicator-id"), "IND-2025-CORRECTED");
        browser.click(By.id("record-submit"));

        assertThat(browser.text(By.id("write-accepted"))).contains("IND-2025-CORRECTED");
        assertThat(facts("IND-2025-CORRECTED"))
                .extracting(f -> f.get("payload").get("value").asLong())
                .containsExactly(900L);
        assertThat(proxy.keys().get(proxy.keys().size() - 1))
                .as("a new key after the refusal and the edit")
                .isNotEqualTo(keyRefused);
        browser.open("#/outbox");
        assertThat(browser.present(By.cssSelector("#outbox-entries li[data-state='refused']")))
                .isFalse();
    }

    @Test
    @Order(6)
    void aWriteIsSentOnlyUnderTheTokenOfTheUserWhoRecordedIt() {
        browser.signInAs("kienGiangUnit");
        browser.open("#/record?form=report-indicator");
        network(false);
        reportIndicator("IND-2025-KG-ONLY", "310");
        int before = proxy.keys().size();
        browser.click(By.id("sign-out"));
        browser.shows("sign-in");
        network(true);

        browser.signInAs("kampotUnit");
        browser.open("#/outbox");
        assertThat(browser.text(By.id("outbox-others")))
                .isEqualTo("Writes of another user waiting on this device until that user signs in: 1.");
        browser.open("#/figures");
        browser.open("#/outbox");
        assertThat(proxy.keys())
                .as("nothing sent under the Kampot unit's token")
                .hasSize(before);
        assertThat(facts("IND-2025-KG-ONLY")).isEmpty();

        browser.signInAs("kienGiangUnit");
        browser.open("#/outbox");
        browser.until(d -> waiting() == 0);
        assertThat(facts("IND-2025-KG-ONLY")).singleElement().satisfies(f -> assertThat(
                        f.get("metadata").get("submitter").asText())
                .isEqualTo("kg-border-guard"));
    }

    @Test
    @Order(7)
    void aSessionThatEndsWhileOfflineKeepsTheOutboxUntilTheUserSignsInAgain() throws Exception {
        Duration lifetime = Duration.ofSeconds(25);
        browser.driver().get(baseUrl + "/");
        script("sessionStorage.clear();");
        browser.driver().navigate().refresh();
        Instant issued = Instant.now();
        pasteToken(LedgerTokens.sign(DemoTokens.secret(null, dataDir), NIGHT_SHIFT, issued, lifetime));
        browser.open("#/record?form=report-indicator");
        network(false);
        reportIndicator("IND-2025-NIGHT-SHIFT", "77");
        Thread.sleep(Math.max(
                0, Duration.between(Instant.now(), issued.plus(lifetime)).toMillis() + 2000));
        network(true);

        browser.open("#/outbox");
        browser.visible(By.id("outbox-sign-in"));
        assertThat(waiting()).isEqualTo(1);
        assertThat(facts("IND-2025-NIGHT-SHIFT")).isEmpty();

        browser.click(By.id("outbox-sign-in-again"));
        browser.shows("sign-in");
        pasteToken(
                LedgerTokens.sign(DemoTokens.secret(null, dataDir), NIGHT_SHIFT, Instant.now(), Duration.ofHours(8)));
        browser.until(d -> facts("IND-2025-NIGHT-SHIFT").size() == 1);
    }

    static final LedgerPrincipal NIGHT_SHIFT = new LedgerPrincipal(
            "kg-night-shift",
            "Kiên Giang Border Guard Command",
            Side.VN,
            Provinces.KIEN_GIANG,
            Set.of(LedgerPrincipal.UNIT));

    private void pasteToken(String token) {
        browser.type(By.id("token-input"), token);
        browser.click(By.cssSelector("#paste-form button[type='submit']"));
        browser.visible(By.id("nav-figures"));
    }

    @Test
    @Order(8)
    void aDeviceClockFarFromTheServersIsReported() {
        browser.signInAs("kienGiangUnit");
        browser.open("#/figures");
        assertThat(browser.present(By.id("clock-warning"))).isFalse();
        HasCdp cdp = (HasCdp) browser.driver();
        Map<String, Object> skew = cdp.executeCdpCommand(
                "Page.addScriptToEvaluateOnNewDocument",
                Map.of("source", "{ const real = Date.now.bind(Date); Date.now = () => real() + 20 * 60 * 1000; }"));
        try {
            browser.driver().navigate().refresh();
            assertThat(browser.text(By.id("clock-warning"))).contains("differs from the ledger's by about 20 minutes");
        } finally {
            cdp.executeCdpCommand(
                    "Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", skew.get("identifier")));
        }
    }

    /** The page at desktop and phone width into {@code target/console-screenshots}. */
    private void shoot(String page) {
        browser.screenshot(ConsoleBrowserIT.SCREENSHOTS.resolve(page + "-desktop.png"), ConsoleBrowser.DESKTOP_WIDTH);
        browser.screenshot(ConsoleBrowserIT.SCREENSHOTS.resolve(page + "-phone.png"), ConsoleBrowser.PHONE_WIDTH);
    }

    private void reportIndicator(String id, String value) {
        browser.open("#/record?form=report-indicator");
        browser.type(By.id("f-report-indicator-id"), id);
        new Select(browser.visible(By.id("f-report-indicator-indicator"))).selectByValue("VISITORS_KH_TO_VN");
        browser.set(By.id("f-report-indicator-periodFrom"), "2025-01-01");
        browser.set(By.id("f-report-indicator-periodTo"), "2025-01-31");
        browser.type(By.id("f-report-indicator-value"), value);
        submitted();
    }

    private void correctIndicator(String id, String value, String reason) {
        browser.open("#/record?form=correct-indicator");
        browser.type(By.id("f-correct-indicator-target"), id);
        browser.type(By.id("f-correct-indicator-value"), value);
        browser.type(By.id("f-correct-indicator-reason"), reason);
        submitted();
    }

    private void recordRepatriation(String target, String count) {
        browser.open("#/record?form=record-repatriation");
        browser.type(By.id("f-record-repatriation-target"), target);
        browser.set(By.id("f-record-repatriation-repatriatedOn"), "2014-12-01");
        browser.type(By.id("f-record-repatriation-count"), count);
        submitted();
    }

    private void recordRecovery(String target, String count) {
        browser.open("#/record?form=record-recovery");
        browser.type(By.id("f-record-recovery-target"), target);
        browser.set(By.id("f-record-recovery-recoveredOn"), "2014-11-20");
        browser.type(By.id("f-record-recovery-count"), count);
        submitted();
    }

    /** Submits the form shown; offline, the write is kept in the outbox. */
    private void submitted() {
        browser.click(By.id("record-submit"));
        browser.until(d -> !d.findElements(By.id("write-queued")).isEmpty()
                || !d.findElements(By.id("write-accepted")).isEmpty());
    }

    private int waiting() {
        return Integer.parseInt(browser.visible(By.id("outbox-summary")).getDomAttribute("data-waiting"));
    }

    private int sent() {
        return browser.all(By.cssSelector("#outbox-entries li[data-state='sent']"))
                .size();
    }

    private int recoveries() {
        return (int) facts("REP-2014-KP-01").stream()
                .filter(f -> f.get("eventType").asText().equals("RemainsRecovered"))
                .count();
    }

    /**
     * A record's facts as the event store has them (the audit API of the command service, which answers at once, unlike
     * the read side), in the order of their positions; none when nothing is recorded.
     */
    private List<JsonNode> facts(String aggregateId) {
        LedgerHttp.Response response = LocalRuns.command(settings)
                .get(
                        "/api/audit/aggregates/" + aggregateId + "/history",
                        ledger.tokens().auditor());
        if (response.status() == 404) {
            return List.of();
        }
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<JsonNode> events = new ArrayList<>();
        response.json().get("events").forEach(events::add);
        events.sort((a, b) ->
                Long.compare(a.get("position").asLong(), b.get("position").asLong()));
        return events;
    }

    /** Waits until the service worker controls the page, so that the console's files come from its cache. */
    private void controlledByTheServiceWorker() {
        browser.until(d -> Boolean.TRUE.equals(
                script("return !!navigator.serviceWorker && !!navigator.serviceWorker.controller;")));
    }

    /** Switches this tab's network off or on, as the device losing and finding its link. */
    private void network(boolean on) {
        HasCdp cdp = (HasCdp) browser.driver();
        cdp.executeCdpCommand("Network.enable", Map.of());
        cdp.executeCdpCommand(
                "Network.emulateNetworkConditions",
                Map.of("offline", !on, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
    }

    private Object script(String code) {
        return ((JavascriptExecutor) browser.driver()).executeScript(code);
    }
}
