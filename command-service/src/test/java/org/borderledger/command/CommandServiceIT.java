package org.borderledger.command;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.borderledger.testsupport.LedgerInfrastructureInitializer;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The command service on a real PostgreSQL and Kafka broker, on a random port. Every integration test of the service
 * carries this annotation, so they share one application context. The global seal treats a missing position as a
 * rolled-back write after 5 s instead of 60 s, so tests that wait for the seal do not wait a minute, and a full
 * verification records its progress (and sees a cancellation) every thousand events. Seals are signed with a key the
 * first run generates under {@code target/}. Metrics and tracing run as in production (a test context turns them off
 * unless asked). The tests share a few token subjects across many classes, so the write rate limit is raised for them
 * (a thousand a second); the production limit has its own tests ({@code WriteRateLimitDefaultsTest},
 * {@code WriteRateLimitIT}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        classes = CommandServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=" + CommandServiceApplication.CONFIG_NAME,
            "ledger.audit.seal.settle-after=5s",
            "ledger.audit.verification.progress-interval=0s",
            "ledger.audit.signing.key-file=target/it-seal-key.pem",
            "ledger.audit.signing.generate=true",
            "ledger.write.rate-limit.per-second=1000",
            "ledger.write.rate-limit.burst=100000"
        })
@ContextConfiguration(initializers = LedgerInfrastructureInitializer.class)
@AutoConfigureObservability
public @interface CommandServiceIT {}
