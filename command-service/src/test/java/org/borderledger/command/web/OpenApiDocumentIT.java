package org.borderledger.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.borderledger.command.CommandServiceIT;
import org.borderledger.testsupport.LedgerHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The published OpenAPI document of the write API is public API: clients generate code from it. It is compared with
 * {@code openapi/command-service.json}, normalised (object members sorted by name, the server's random port left out),
 * so that moving or renaming a class never changes it. A deliberate change of the API updates that file; the document
 * the service served is written to {@code target/openapi-actual.json} for that.
 */
@CommandServiceIT
class OpenApiDocumentIT {

    private static final ObjectMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @LocalServerPort
    int port;

    @Test
    void theDocumentIsTheSameAsThePublishedOne() throws IOException {
        JsonNode served = normalised(JSON.readTree(new LedgerHttp("http://localhost:" + port)
                .get("/v3/api-docs", null)
                .body()));
        Files.writeString(Path.of("target", "openapi-actual.json"), JSON.writeValueAsString(served));

        JsonNode published;
        try (InputStream in = getClass().getResourceAsStream("/openapi/command-service.json")) {
            assertThat(in)
                    .as("openapi/command-service.json is on the test class path")
                    .isNotNull();
            published = normalised(JSON.readTree(in));
        }

        assertThat(JSON.writeValueAsString(served)).isEqualTo(JSON.writeValueAsString(published));
    }

    private static JsonNode normalised(JsonNode node) {
        if (node.isObject()) {
            ObjectNode sorted = JSON.createObjectNode();
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.stream().sorted().forEach(name -> sorted.set(name, normalised(node.get(name))));
            sorted.remove("servers");
            return sorted;
        }
        if (node.isArray()) {
            var items = JSON.createArrayNode();
            node.forEach(item -> items.add(normalised(item)));
            return items;
        }
        return node;
    }
}
