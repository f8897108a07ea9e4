/**
 * What the web console (static files under {@code /} and {@code /console/}) learns from the service that serves it:
 * where the command service is, how to sign in, and in the local run the demo identities.
 */
package org.borderledger.query.console;
