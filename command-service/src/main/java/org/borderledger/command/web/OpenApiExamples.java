package org.borderledger.command.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Puts a realistic request example (resource {@code openapi/examples.json}, keyed by path) on the write
 * operations of the OpenAPI document, so Swagger UI opens each write with a realistic body.
 */
@Component
class OpenApiExamples implements OpenApiCustomizer {

    private final JsonNode examples;

    OpenApiExamples(ObjectMapper json) {
        try (InputStream in = getClass().getResourceAsStream("/openapi/examples.json")) {
            this.examples = json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("openapi/examples.json is unreadable", e);
        }
    }

    @Override
    public void customise(io.swagger.v3.oas.models.OpenAPI api) {
        api.getPaths().forEach((path, item) -> {
            JsonNode example = examples.get(path);
            if (example != null && item.getPost() != null && item.getPost().getRequestBody() != null) {
                for (MediaType media :
                        item.getPost().getRequestBody().getContent().values()) {
                    media.addExamples("reference case", new Example().value(example));
                }
            }
        });
    }
}
