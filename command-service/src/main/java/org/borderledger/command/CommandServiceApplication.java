package org.borderledger.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

@SpringBootApplication
public class CommandServiceApplication {

    /** The configuration file is {@code command-service.yml}, so both services can share one classpath. */
    public static final String CONFIG_NAME = "command-service";

    public static void main(String[] args) {
        start(args);
    }

    public static ConfigurableApplicationContext start(String... args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication application = new SpringApplication(CommandServiceApplication.class);
        application.setDefaultProperties(java.util.Map.of("spring.config.name", CONFIG_NAME));
        return application.run(args);
    }
}
