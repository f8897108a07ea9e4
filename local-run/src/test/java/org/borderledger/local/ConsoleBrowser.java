package org.borderledger.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The machine's headless Chromium driven through its chromedriver (Debian's {@code chromium} and
 * {@code chromium-driver}; {@code LEDGER_CHROMIUM} and {@code LEDGER_CHROMEDRIVER} name others), with a fresh profile,
 * no network besides the ledger's, and helpers to wait for what a user would see and to take full-page screenshots.
 */
final class ConsoleBrowser implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final int DESKTOP_WIDTH = 1280;
    static final int PHONE_WIDTH = 390;

    private final ChromeDriver driver;
    private final Path profile;
    private final String baseUrl;
    private final Supplier<URI> signInLinks;

    private ConsoleBrowser(ChromeDriver driver, Path profile, String baseUrl, Supplier<URI> signInLinks) {
        this.driver = driver;
        this.profile = profile;
        this.baseUrl = baseUrl;
        this.signInLinks = signInLinks;
    }

    /** Chromium and its driver, when this machine has both. */
    static Optional<Path[]> installed() {
        Path chromium = Path.of(System.getenv().getOrDefault("LEDGER_CHROMIUM", "/usr/bin/chromium"));
        Path driver = Path.of(System.getenv().getOrDefault("LEDGER_CHROMEDRIVER", "/usr/bin/chromedriver"));
        return Files.isExecutable(chromium) && Files.isExecutable(driver)
                ? Optional.of(new Path[] {chromium, driver})
                : Optional.empty();
    }

    /** A browser on {@code baseUrl}; it signs in with a new one-time link of {@code signInLinks} each time. */
    static ConsoleBrowser open(Path[] installed, String baseUrl, Supplier<URI> signInLinks) throws IOException {
        Path profile = Files.createTempDirectory("console-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(installed[0].toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--lang=en-GB",
                "--window-size=" + DESKTOP_WIDTH + ",900",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(installed[1].toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(WAIT);
        return new ConsoleBrowser(driver, profile, baseUrl, signInLinks);
    }

    WebDriver driver() {
        return driver;
    }

    /** Opens a page of the console, such as {@code #/figures}, and waits until it shows. */
    void open(String hash) {
        driver.get(baseUrl + "/" + hash);
        if (!hash.isEmpty()) {
            shows(hash);
        }
    }

    /** Waits until the console shows the page at {@code hash}, rendered after the address changed. */
    void shows(String hash) {
        until(d -> hash.equals(d.findElement(By.id("main")).getDomAttribute("data-route")));
    }

    /** Waits until the condition holds (not null, not false) and answers it. */
    <T> T until(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).ignoring(RuntimeException.class).until(condition);
    }

    WebElement visible(By locator) {
        return until(d -> {
            WebElement element = d.findElement(locator);
            return element.isDisplayed() ? element : null;
        });
    }

    String text(By locator) {
        return visible(locator).getText();
    }

    boolean present(By locator) {
        return !driver.findElements(locator).isEmpty();
    }

    void click(By locator) {
        visible(locator).click();
    }

    void type(By locator, String text) {
        WebElement input = visible(locator);
        input.clear();
        input.sendKeys(text);
    }

    /** Sets an input's value as a user would by picking it (date inputs take typing in the locale's order). */
    void set(By locator, String value) {
        WebElement input = visible(locator);
        ((JavascriptExecutor) driver)
                .executeScript(
                        "arguments[0].value = arguments[1];"
                                + " arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                                + " arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
                        input,
                        value);
    }

    List<WebElement> all(By locator) {
        return driver.findElements(locator);
    }

    /**
     * Signs in with one of the local run's demo identities, from a signed-out start, through a new sign-in link as the
     * terminal prints it (opened on the browser's origin, whose session the other pages share).
     */
    void signInAs(String identity) {
        driver.get(baseUrl + "/");
        ((JavascriptExecutor) driver)
                .executeScript("sessionStorage.clear(); localStorage.setItem('ledger.language', 'en');");
        driver.navigate().refresh();
        driver.get(baseUrl + "/#" + signInLinks.get().getFragment());
        click(By.id("identity-" + identity));
        visible(By.id("nav-figures"));
    }

    /** The page as a user scrolls through it, at the given width, into {@code file}. */
    void screenshot(Path file, int width) {
        Map<String, Object> metrics =
                Map.of("width", width, "height", 900, "deviceScaleFactor", 1, "mobile", width < 600);
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", metrics);
        try {
            ((JavascriptExecutor) driver)
                    .executeAsyncScript("const done = arguments[arguments.length - 1];"
                            + " requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 300)));");
            Number height = (Number) ((JavascriptExecutor) driver)
                    .executeScript(
                            "return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight);");
            Map<String, Object> shot = driver.executeCdpCommand(
                    "Page.captureScreenshot",
                    Map.of(
                            "format",
                            "png",
                            "captureBeyondViewport",
                            true,
                            "clip",
                            Map.of(
                                    "x",
                                    0,
                                    "y",
                                    0,
                                    "width",
                                    width,
                                    "height",
                                    Math.min(height.intValue(), 6000),
                                    "scale",
                                    1)));
            Files.createDirectories(file.getParent());
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            } catch (IOException ignored) {
                // a leftover profile under the temp dir harms nothing
            }
        }
    }
}
