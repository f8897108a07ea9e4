package org.borderledger.query.console;

import java.nio.file.Path;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ledger.console.*}: the command service's URL (blank: the console's own host name with {@code commandPort}),
 * the OpenID Connect provider for sign-in (none: tokens are pasted or, in the local run, picked), and the local run's
 * {@code tokens.json}.
 */
@ConfigurationProperties("ledger.console")
record ConsoleProperties(String commandUrl, int commandPort, Oidc oidc, String demoTokens) {

    Optional<Path> demoTokensFile() {
        return demoTokens == null || demoTokens.isBlank() ? Optional.empty() : Optional.of(Path.of(demoTokens));
    }

    record Oidc(String issuer, String clientId, String scope) {}
}
