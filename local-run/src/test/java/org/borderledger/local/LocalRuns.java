package org.borderledger.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import org.borderledger.testsupport.LedgerHttp;

/** Settings of a local run on free ports under a test's own data dir, and waiting helpers. */
final class LocalRuns {

    private LocalRuns() {}

    static LocalSettings embeddedDefaults(Path dataDir) {
        int kafka = freePort();
        return new LocalSettings(
                dataDir,
                freePort(),
                freePort(),
                kafka,
                freePort(),
                freePort(),
                null,
                null,
                null,
                null,
                LocalSettings.LOOPBACK);
    }

    static LedgerHttp command(LocalSettings settings) {
        return new LedgerHttp("http://localhost:" + settings.commandPort());
    }

    static LedgerHttp query(LocalSettings settings) {
        return new LedgerHttp("http://localhost:" + settings.queryPort());
    }

    /** Asks until the answer has the wanted status, or the timeout passes; answers the last response. */
    static LedgerHttp.Response until(int status, Duration timeout, Supplier<LedgerHttp.Response> request) {
        long deadline = System.nanoTime() + timeout.toNanos();
        LedgerHttp.Response response = request.get();
        while (response.status() != status && System.nanoTime() < deadline) {
            sleep(250);
            response = request.get();
        }
        return response;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
