package org.borderledger.query.console;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ledger.console.*}: the command service's URL (blank: the console's own host name with {@code commandPort}),
 * and the OpenID Connect provider for sign-in (none: tokens are pasted or, in the local run, picked after opening a
 * sign-in link). {@code demo-tokens} is no setting: a service that finds it set refuses to start, since demo identities
 * exist only in the local run ({@link DemoSignIn}).
 */
@ConfigurationProperties("ledger.console")
record ConsoleProperties(String commandUrl, int commandPort, Oidc oidc, String demoTokens) {

    record Oidc(String issuer, String clientId, String scope) {}
}
