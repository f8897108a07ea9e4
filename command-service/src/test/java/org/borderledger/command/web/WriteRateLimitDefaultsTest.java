package org.borderledger.command.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.PropertyPlaceholderHelper;

/**
 * The write rate limit is on unless configured off, in the service's own configuration: a unit's 500-item batches
 * back to back meet 429 on the third, while a border post's honest day passes.
 */
class WriteRateLimitDefaultsTest {

    /** The largest batch the API takes. */
    static final int FULL_BATCH = 500;

    final AtomicLong now = new AtomicLong();

    @Test
    void theThirdFullBatchBackToBackIsRefused() {
        WriteRateLimit limit = configured();

        limit.charge("kg-post", FULL_BATCH);
        limit.charge("kg-post", FULL_BATCH);

        assertThatThrownBy(() -> limit.charge("kg-post", FULL_BATCH)).isInstanceOf(WriteRateExceeded.class);
        limit.charge("kp-post", FULL_BATCH);
    }

    @Test
    void aBorderPostsBusiestHonestDayPasses() {
        WriteRateLimit limit = configured();
        for (int fact = 0; fact < 200; fact++) {
            limit.charge("kg-post", 1);
            now.addAndGet(60_000_000_000L);
        }
        limit.charge("kg-post", FULL_BATCH);
    }

    /** The limit as {@code command-service.yml} sets it when no LEDGER_WRITE_RATE_* variable is set. */
    private WriteRateLimit configured() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("command-service.yml"));
        Properties properties = yaml.getObject();
        PropertyPlaceholderHelper defaults = new PropertyPlaceholderHelper("${", "}", ":", true);
        double perSecond = Double.parseDouble(defaults.replacePlaceholders(
                properties.getProperty("ledger.write.rate-limit.per-second"), name -> null));
        int burst = Integer.parseInt(
                defaults.replacePlaceholders(properties.getProperty("ledger.write.rate-limit.burst"), name -> null));
        assertThat(perSecond).as("on by default").isPositive();
        return new WriteRateLimit(perSecond, burst, now::get);
    }
}
