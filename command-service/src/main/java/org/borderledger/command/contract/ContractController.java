package org.borderledger.command.contract;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.regex.Pattern;
import org.borderledger.command.web.Problems;
import org.borderledger.events.EventCatalog;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the contract of {@code ledger.events} to anyone, without a token (it holds no data): the JSON Schema that a
 * record's {@code dataschema} names, and the AsyncAPI document. Both come from {@code contract/} in the repository,
 * packaged with the events.
 */
@RestController
@Tag(name = "contract", description = "The event contract of ledger.events (public)")
class ContractController {

    static final MediaType SCHEMA_JSON = MediaType.parseMediaType("application/schema+json");
    static final MediaType YAML = MediaType.parseMediaType("application/yaml");

    private static final Pattern SCHEMA_FILE = Pattern.compile("([A-Za-z]{1,60})(\\.r[0-9A-Za-z-]{1,20})?\\.json");

    private final Problems problems;

    ContractController(Problems problems) {
        this.problems = problems;
    }

    @GetMapping("/api/contract/schemas/{file}")
    @Operation(
            summary = "The JSON Schema of an event type's data, e.g. MarkerPlanned.json or IndicatorReported.r2.json")
    ResponseEntity<?> schema(@PathVariable String file) throws IOException {
        var name = SCHEMA_FILE.matcher(file);
        if (!name.matches() || EventCatalog.classOf(name.group(1)).isEmpty()) {
            return unknown("'" + file + "' is not the schema of an event type of the ledger.");
        }
        ClassPathResource schema = new ClassPathResource("contract/schemas/" + file);
        if (!schema.exists()) {
            return unknown("The ledger has no revision '" + file + "' of " + name.group(1) + ".");
        }
        return ResponseEntity.ok()
                .contentType(SCHEMA_JSON)
                .cacheControl(CacheControl.noCache())
                .body(read(schema));
    }

    @GetMapping("/api/contract/asyncapi.yaml")
    @Operation(summary = "The AsyncAPI 3 document of the topic ledger.events")
    ResponseEntity<byte[]> asyncApi() throws IOException {
        return ResponseEntity.ok()
                .contentType(YAML)
                .cacheControl(CacheControl.noCache())
                .body(read(new ClassPathResource("contract/asyncapi.yaml")));
    }

    private ResponseEntity<?> unknown(String detail) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problems.problem(HttpStatus.NOT_FOUND, "unknown-schema", detail, List.of("file")));
    }

    private static byte[] read(ClassPathResource resource) throws IOException {
        try (InputStream in = resource.getInputStream()) {
            return in.readAllBytes();
        }
    }
}
