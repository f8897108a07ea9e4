package org.borderledger.command.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.borderledger.command.CommandServiceIT;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The web console, served by the query service on another origin, may call the write and audit API; others may not. */
@CommandServiceIT
class ConsoleOriginsIT {

    @LocalServerPort
    int port;

    @Test
    void theConsolesOriginMayWriteWithAnIdempotencyKeyAndReadThePosition() throws Exception {
        HttpResponse<Void> preflight = preflight("http://127.0.0.1:8082", "POST");

        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                .contains("http://127.0.0.1:8082");
        assertThat(preflight
                        .headers()
                        .firstValue("Access-Control-Allow-Headers")
                        .orElse("")
                        .toLowerCase())
                .contains("authorization", "idempotency-key", "content-type");
    }

    @Test
    void anotherOriginIsRefused() throws Exception {
        HttpResponse<Void> preflight = preflight("http://elsewhere.example", "POST");

        assertThat(preflight.statusCode()).isEqualTo(403);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                .isEmpty();
    }

    private HttpResponse<Void> preflight(String origin, String method) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/indicators"))
                                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                                .header("Origin", origin)
                                .header("Access-Control-Request-Method", method)
                                .header("Access-Control-Request-Headers", "authorization,content-type,idempotency-key")
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
    }
}
