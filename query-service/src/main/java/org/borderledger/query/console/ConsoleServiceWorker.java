package org.borderledger.query.console;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The console's service worker ({@code static/console/service-worker.js}) with its version and the list of files it
 * keeps filled in. The version is the SHA-256 of the console's files, so any change to one of them names a new cache
 * and the browser replaces the old one. Served never cached ({@code no-cache}), with {@code Service-Worker-Allowed}
 * naming the console's root so that the worker controls the page at {@code /}.
 */
@RestController
@Hidden
class ConsoleServiceWorker {

    static final String TEMPLATE = "static/console/service-worker.js";
    /** The chart library's files, served from its WebJar, that the console's pages load. */
    static final List<String> WEBJAR_FILES =
            List.of("webjars/uplot/dist/uPlot.esm.js", "webjars/uplot/dist/uPlot.min.css");

    private final String script;
    private final String version;

    ConsoleServiceWorker() throws IOException {
        TreeMap<String, byte[]> files = consoleFiles();
        version = versionOf(files);
        List<String> cached = new ArrayList<>(files.keySet());
        cached.remove("console/service-worker.js");
        cached.remove("index.html");
        cached.addAll(WEBJAR_FILES);
        String list = cached.stream()
                .map(path -> "'" + path + "'")
                .reduce((a, b) -> a + ", " + b)
                .orElse("");
        script = new String(files.get("console/service-worker.js"), StandardCharsets.UTF_8)
                .replace("'__CONSOLE_VERSION__'", "'" + version + "'")
                .replace("['__CONSOLE_FILES__']", "[" + list + "]");
    }

    @GetMapping(value = "/console/service-worker.js", produces = "text/javascript")
    ResponseEntity<String> serviceWorker(HttpServletRequest request) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noCache())
                .header("Service-Worker-Allowed", request.getContextPath() + "/")
                .contentType(MediaType.parseMediaType("text/javascript;charset=UTF-8"))
                .body(script);
    }

    String version() {
        return version;
    }

    /** The console's files under {@code static/} (its page and {@code console/}), by their path from there, in order. */
    static TreeMap<String, byte[]> consoleFiles() throws IOException {
        TreeMap<String, byte[]> files = new TreeMap<>();
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        for (String pattern : List.of("classpath:/static/index.html", "classpath:/static/console/**")) {
            for (Resource resource : resolver.getResources(pattern)) {
                String url = resource.getURL().toString();
                if (!resource.isReadable() || url.endsWith("/")) {
                    continue;
                }
                String path = url.substring(url.lastIndexOf("/static/") + "/static/".length());
                try (InputStream in = resource.getInputStream()) {
                    files.put(path, in.readAllBytes());
                }
            }
        }
        if (!files.containsKey("console/service-worker.js")) {
            throw new IllegalStateException("The console has no " + TEMPLATE);
        }
        return files;
    }

    static String versionOf(TreeMap<String, byte[]> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            files.forEach((path, bytes) -> {
                digest.update(path.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(bytes);
            });
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
