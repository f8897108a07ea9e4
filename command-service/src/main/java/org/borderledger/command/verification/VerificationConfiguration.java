package org.borderledger.command.verification;

import org.borderledger.command.evidence.TamperEvidence;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(VerificationProperties.class)
class VerificationConfiguration {

    /** The latest finished full verification, which every incremental verification reports. */
    @Bean
    TamperEvidence.LatestFullVerification latestFullVerification(VerificationJobRepository jobs) {
        return jobs::latestFinished;
    }
}
