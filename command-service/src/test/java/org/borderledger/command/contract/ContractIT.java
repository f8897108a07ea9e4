package org.borderledger.command.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.borderledger.command.CommandServiceIT;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The contract is served to anyone, exactly as committed under {@code contract/}; anything else is a 404 problem. */
@CommandServiceIT
class ContractIT {

    @LocalServerPort
    int port;

    @Test
    void servesTheCommittedSchemaOfAnEventTypeWithoutAToken() throws Exception {
        HttpResponse<String> response = get("/api/contract/schemas/MarkerPlanned.json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/schema+json"));
        assertThat(response.body())
                .isEqualTo(Files.readString(Path.of("..", "contract", "schemas", "MarkerPlanned.json")));
    }

    @Test
    void servesTheAsyncApiDocument() throws Exception {
        HttpResponse<String> response = get("/api/contract/asyncapi.yaml");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("asyncapi: 3.0.0");
    }

    @Test
    void answersAnUnknownTypeARevisionThatDoesNotExistAndAPathOutsideTheSchemasWithProblems() throws Exception {
        for (String file : new String[] {
            "Tripwire.json", "MarkerPlanned.r99.json", "MarkerPlanned.yaml", "..%2F..%2Fapplication.yml"
        }) {
            HttpResponse<String> response = get("/api/contract/schemas/" + file);

            assertThat(response.statusCode()).as(file).isIn(400, 404);
            assertThat(response.headers().firstValue("Content-Type")).as(file).contains("application/problem+json");
        }
        JsonNode problem = new ObjectMapper()
                .readTree(get("/api/contract/schemas/Tripwire.json").body());
        assertThat(problem.get("type").asText()).endsWith("/unknown-schema");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
