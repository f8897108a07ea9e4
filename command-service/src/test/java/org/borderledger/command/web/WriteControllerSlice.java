package org.borderledger.command.web;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * The write controllers and the batch controller with the HTTP side of the write path (problem+json, validation, the submission context) and
 * the service's security, for {@code @WebMvcTest} slices: no store, no Axon, no Kafka. Tests mock {@link Submissions}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(
        basePackages = "org.borderledger.command",
        useDefaultFilters = false,
        includeFilters =
                @ComponentScan.Filter(
                        type = FilterType.REGEX,
                        pattern = {
                            "org\\.borderledger\\.command\\.(agreement|repatriation|marker|indicator)\\.\\w+Controller",
                            "org\\.borderledger\\.command\\.web\\.(WebConfiguration|Problems|ProblemDetailsAdvice|BatchController|WriteRateLimit)",
                            "org\\.borderledger\\.command\\.security\\.CommandSecurityConfiguration"
                        }))
public class WriteControllerSlice {}
