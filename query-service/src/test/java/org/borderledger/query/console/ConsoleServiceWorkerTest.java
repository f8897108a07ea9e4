package org.borderledger.query.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * The service worker as the console receives it: its version derived from the console's files, every file of the
 * console in its list (not itself), and headers that let it control the console's root and keep it from being cached.
 */
class ConsoleServiceWorkerTest {

    @Test
    void fillsInTheVersionAndTheConsolesFiles() throws Exception {
        ConsoleServiceWorker worker = new ConsoleServiceWorker();
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/console/service-worker.js");
        ResponseEntity<String> answer = worker.serviceWorker(request);
        String script = answer.getBody();

        assertThat(worker.version()).matches("[0-9a-f]{16}");
        assertThat(script)
                .contains("const VERSION = '" + worker.version() + "';")
                .doesNotContain("__CONSOLE_VERSION__", "__CONSOLE_FILES__")
                .contains(
                        "'console/app.js'",
                        "'console/outbox.js'",
                        "'console/messages/km.json'",
                        "'console/fonts/noto-sans-khmer-khmer-400-normal.woff2'",
                        "'console/manifest.webmanifest'",
                        "'webjars/uplot/dist/uPlot.esm.js'")
                .doesNotContain("'console/service-worker.js'", "'index.html'");
        assertThat(answer.getHeaders().getFirst("Service-Worker-Allowed")).isEqualTo("/");
        assertThat(answer.getHeaders().getCacheControl()).isEqualTo("no-cache");
        assertThat(answer.getHeaders().getContentType().toString()).startsWith("text/javascript");
    }

    @Test
    void theVersionChangesWithAnyFileOfTheConsole() throws Exception {
        TreeMap<String, byte[]> files = ConsoleServiceWorker.consoleFiles();
        assertThat(files).containsKeys("index.html", "console/app.js", "console/service-worker.js");
        String version = new ConsoleServiceWorker().version();
        assertThat(ConsoleServiceWorker.versionOf(files))
                .as("stable for the same files")
                .isEqualTo(version);

        TreeMap<String, byte[]> changed = new TreeMap<>(files);
        byte[] app = changed.get("console/app.js").clone();
        app[app.length - 1] ^= 1;
        changed.put("console/app.js", app);
        assertThat(ConsoleServiceWorker.versionOf(changed)).isNotEqualTo(version);

        TreeMap<String, byte[]> added = new TreeMap<>(files);
        added.put("console/extra.js", new byte[0]);
        assertThat(ConsoleServiceWorker.versionOf(added)).isNotEqualTo(version);
    }
}
