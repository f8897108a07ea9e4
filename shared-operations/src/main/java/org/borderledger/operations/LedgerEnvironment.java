package org.borderledger.operations;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns the ledger's operating variables into Spring Boot's settings: {@code LEDGER_LOG_FORMAT=json} writes every log
 * line as one JSON object (Elastic Common Schema, with the trace id, span id and correlation id of the request) and
 * prints no banner, and
 * {@code LEDGER_OTLP_ENDPOINT} exports traces over OTLP/HTTP to that URL (no export when it is unset).
 */
public final class LedgerEnvironment implements EnvironmentPostProcessor, Ordered {

    static final String LOG_FORMAT = "LEDGER_LOG_FORMAT";
    static final String OTLP_ENDPOINT = "LEDGER_OTLP_ENDPOINT";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> settings = new HashMap<>();
        String format = environment.getProperty(LOG_FORMAT, "text").strip();
        if ("json".equalsIgnoreCase(format)) {
            settings.put("logging.structured.format.console", "ecs");
            settings.put("spring.main.banner-mode", "off");
        } else if (!"text".equalsIgnoreCase(format)) {
            throw new IllegalArgumentException(LOG_FORMAT + " must be text or json, not " + format);
        }
        String endpoint = environment.getProperty(OTLP_ENDPOINT, "").strip();
        if (!endpoint.isEmpty()) {
            settings.put("management.otlp.tracing.endpoint", endpoint);
        }
        if (!settings.isEmpty()) {
            environment.getPropertySources().addFirst(new MapPropertySource("ledger-operations", settings));
        }
    }

    /** After the configuration files are read, so that a value given there counts too. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
