package org.borderledger.command.verification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Full verifications ({@code ledger.audit.verification.*}).
 *
 * @param progressInterval how often a running full verification records its progress
 * @param staleAfter when a running one whose instance stopped updating it counts as interrupted
 */
@ConfigurationProperties("ledger.audit.verification")
record VerificationProperties(
        @DefaultValue("1s") Duration progressInterval, @DefaultValue("30s") Duration staleAfter) {}
