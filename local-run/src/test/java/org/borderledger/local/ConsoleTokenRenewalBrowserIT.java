package org.borderledger.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import org.borderledger.testsupport.LedgerHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.Select;

/**
 * Tokens that last a shift, against a real OpenID Connect provider (mock-oauth2-server, started here): the services
 * verify its tokens by its JWK set, the console signs in with the authorization code and PKCE, its access tokens last
 * 20 seconds, and a fact recorded offline while the token expires is sent, once, under a token the console renewed
 * with the refresh token, for the same user.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleTokenRenewalBrowserIT {

    static final String ISSUER = "ledger";
    static final int TOKEN_SECONDS = 20;

    @TempDir
    static Path dataDir;

    MockOAuth2Server provider;
    LocalSettings settings;
    LocalLedger ledger;
    ConsoleBrowser browser;

    @BeforeAll
    void start() throws Exception {
        Optional<Path[]> chromium = ConsoleBrowser.installed();
        Assumptions.assumeTrue(chromium.isPresent(), "No Chromium: the console's browser tests need it");
        provider = new MockOAuth2Server(OAuth2Config.Companion.fromJson(
                """
                {"interactiveLogin": false,
                 "tokenCallbacks": [{"issuerId": "%s", "tokenExpiry": %d,
                   "requestMappings": [{"requestParam": "client_id", "match": "border-ledger",
                     "claims": {"sub": "kg-shift-officer", "aud": ["border-ledger"], "roles": ["UNIT"],
                                "unit": "Kiên Giang Border Guard Command", "province": "VN-47", "side": "VN"}}]}]}
                """
                        .formatted(ISSUER, TOKEN_SECONDS)));
        provider.start();
        settings = LocalRuns.embeddedDefaults(dataDir);
        System.setProperty(
                "ledger.console.oidc.issuer", provider.issuerUrl(ISSUER).toString());
        System.setProperty("ledger.console.oidc.client-id", "border-ledger");
        System.setProperty(
                "ledger.security.jwk-set-uri", provider.jwksUrl(ISSUER).toString());
        // a JWK set requires the issuer and the audience its tokens must name
        System.setProperty(
                "ledger.security.jwt-issuer", provider.issuerUrl(ISSUER).toString());
        System.setProperty("ledger.security.jwt-audience", "border-ledger");
        try {
            ledger = LocalLedger.start(settings);
        } finally {
            System.clearProperty("ledger.console.oidc.issuer");
            System.clearProperty("ledger.console.oidc.client-id");
            System.clearProperty("ledger.security.jwk-set-uri");
            System.clearProperty("ledger.security.jwt-issuer");
            System.clearProperty("ledger.security.jwt-audience");
        }
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
        if (provider != null) {
            provider.shutdown();
        }
    }

    @Test
    void aTokenThatExpiresWhileOfflineIsRenewedAndTheOutboxIsSentUnderTheSameUser() throws Exception {
        browser.open("");
        browser.click(By.id("oidc-sign-in"));
        browser.visible(By.id("nav-record"));
        String first = token();
        assertThat(first).isNotNull();

        browser.open("#/record?form=report-indicator");
        network(false);
        browser.type(By.id("f-report-indicator-id"), "IND-2025-LONG-SHIFT");
        new Select(browser.visible(By.id("f-report-indicator-indicator"))).selectByValue("VISITORS_VN_TO_KH");
        browser.set(By.id("f-report-indicator-periodFrom"), "2025-02-01");
        browser.set(By.id("f-report-indicator-periodTo"), "2025-02-28");
        browser.type(By.id("f-report-indicator-value"), "8800");
        browser.click(By.id("record-submit"));
        browser.visible(By.id("write-queued"));
        Thread.sleep(Duration.ofSeconds(TOKEN_SECONDS + 5).toMillis());
        network(true);

        browser.open("#/outbox");
        browser.until(d -> "0".equals(d.findElement(By.id("outbox-summary")).getDomAttribute("data-waiting")));
        assertThat(token()).as("a renewed access token").isNotEqualTo(first);
        List<String> submitters = browser.until(d -> {
            List<String> found = facts("IND-2025-LONG-SHIFT");
            return found.isEmpty() ? null : found;
        });
        assertThat(submitters).as("recorded once, by the user who recorded it").containsExactly("kg-shift-officer");
    }

    private List<String> facts(String aggregateId) {
        String auditor = provider.issueToken(
                        ISSUER,
                        "test-auditor",
                        "border-ledger",
                        Map.of("roles", List.of("AUDITOR"), "unit", "Audit", "province", "VN-47", "side", "VN"),
                        300)
                .serialize();
        LedgerHttp.Response response = LocalRuns.query(settings).get("/api/facts?aggregateId=" + aggregateId, auditor);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("items").findValuesAsText("submitter");
    }

    private String token() {
        return (String)
                ((JavascriptExecutor) browser.driver()).executeScript("return sessionStorage.getItem('ledger.token');");
    }

    private void network(boolean on) {
        HasCdp cdp = (HasCdp) browser.driver();
        cdp.executeCdpCommand("Network.enable", Map.of());
        cdp.executeCdpCommand(
                "Network.emulateNetworkConditions",
                Map.of("offline", !on, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
    }
}
