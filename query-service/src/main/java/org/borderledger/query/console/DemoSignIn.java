package org.borderledger.query.console;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The local run's demo identities, handed out through one-time sign-in links printed on the operator's terminal: each
 * link carries a random nonce (256 bits) that opens the identities once, within {@link #LINK_LIFETIME}. The query
 * service has this only when {@code ./run-local.sh} registers it; no setting of the service turns it on.
 */
public final class DemoSignIn {

    /** How long a printed link opens the identities. */
    public static final Duration LINK_LIFETIME = Duration.ofMinutes(10);

    /** Links not yet used; the oldest goes when more are printed. */
    static final int OPEN_LINKS = 8;

    private final Path tokensFile;
    private final int port;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Instant> open = new LinkedHashMap<>();

    /**
     * {@code tokensFile}: the local run's {@code tokens.json} (owner-only); {@code port}: the console's port, the only
     * one a sign-in request may name in its {@code Host}.
     */
    public DemoSignIn(Path tokensFile, int port, Clock clock) {
        this.tokensFile = tokensFile;
        this.port = port;
        this.clock = clock;
    }

    /** A new one-time link to the console at {@code http://localhost:port/}; the nonce travels in the fragment. */
    public synchronized URI newLink() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        if (open.size() >= OPEN_LINKS) {
            Iterator<String> oldest = open.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        open.put(nonce, clock.instant().plus(LINK_LIFETIME));
        return URI.create("http://localhost:" + port + "/#/sign-in?nonce=" + nonce);
    }

    /** The tokens file, once for each link's nonce and only within its lifetime. */
    synchronized Optional<Path> redeem(String nonce) {
        if (nonce == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        open.values().removeIf(expiry -> !now.isBefore(expiry));
        String match = null;
        for (String candidate : open.keySet()) {
            if (MessageDigest.isEqual(
                    candidate.getBytes(StandardCharsets.US_ASCII), nonce.getBytes(StandardCharsets.US_ASCII))) {
                match = candidate;
            }
        }
        if (match == null) {
            return Optional.empty();
        }
        open.remove(match);
        return Optional.of(tokensFile);
    }

    int port() {
        return port;
    }
}
