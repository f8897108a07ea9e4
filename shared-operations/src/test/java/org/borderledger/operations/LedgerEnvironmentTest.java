package org.borderledger.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class LedgerEnvironmentTest {

    private static StandardEnvironment environment(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("variables", variables));
        new LedgerEnvironment().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    @Test
    void jsonLogsAreElasticCommonSchemaLines() {
        assertThat(environment(Map.of("LEDGER_LOG_FORMAT", "json")).getProperty("logging.structured.format.console"))
                .isEqualTo("ecs");
    }

    @Test
    void textLogsAndNoTraceExportByDefault() {
        StandardEnvironment defaults = environment(Map.of());

        assertThat(defaults.getProperty("logging.structured.format.console")).isNull();
        assertThat(defaults.getProperty("management.otlp.tracing.endpoint")).isNull();
    }

    @Test
    void exportsTracesWhereTheEndpointSays() {
        assertThat(environment(Map.of("LEDGER_OTLP_ENDPOINT", "http://collector:4318/v1/traces"))
                        .getProperty("management.otlp.tracing.endpoint"))
                .isEqualTo("http://collector:4318/v1/traces");
    }

    @Test
    void refusesAnUnknownLogFormat() {
        assertThatThrownBy(() -> environment(Map.of("LEDGER_LOG_FORMAT", "xml")))
                .hasMessageContaining("LEDGER_LOG_FORMAT");
    }
}
