package org.borderledger.bench;

import static org.borderledger.bench.FaultSuite.sleep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The admin jobs a fault run starts on the query instances (replays, consistency checks), as an {@code ADMIN}: a start
 * met by {@code 429} (the cooldown between two jobs of one read-model database) is asked again once its
 * {@code Retry-After} has passed; a started job is followed at its {@code Location} until it no longer runs.
 */
final class AdminJobs {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final String adminToken;

    AdminJobs(HttpClient client, String adminToken) {
        this.client = client;
        this.adminToken = adminToken;
    }

    /** POSTs a job to {@code url}, again after each {@code 429}'s {@code Retry-After} until {@code deadline}. */
    HttpResponse<String> start(String url, long deadline) throws Exception {
        while (true) {
            HttpResponse<String> answer = client.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(FaultSuite.CLIENT_TIMEOUT)
                            .header("Authorization", "Bearer " + adminToken)
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 429 || System.nanoTime() > deadline) {
                return answer;
            }
            long seconds = answer.headers()
                    .firstValue("Retry-After")
                    .map(Long::parseLong)
                    .orElse(1L);
            FaultSuite.log("  " + url + ": 429, again in " + seconds + " s (Retry-After)");
            sleep(Duration.ofSeconds(Math.max(1, seconds)));
        }
    }

    /** The job at {@code location} once it is no longer RUNNING, or as it stands at {@code deadline} (nanoTime). */
    JsonNode await(URI location, long deadline) throws Exception {
        while (true) {
            JsonNode job = JSON.readTree(client.send(
                            HttpRequest.newBuilder(location)
                                    .timeout(FaultSuite.CLIENT_TIMEOUT)
                                    .header("Authorization", "Bearer " + adminToken)
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body());
            if (!"RUNNING".equals(job.path("status").asText()) || System.nanoTime() > deadline) {
                return job;
            }
            sleep(Duration.ofMillis(500));
        }
    }

    /** Starts a replay on the instance at {@code url} and answers its record once it ended. */
    JsonNode replay(String url) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
        HttpResponse<String> started = start(url + "/api/admin/replays", deadline);
        if (started.statusCode() != 202) {
            throw new IllegalStateException("The replay was refused: " + started.statusCode() + " " + started.body());
        }
        return await(URI.create(started.headers().firstValue("Location").orElseThrow()), deadline);
    }
}
