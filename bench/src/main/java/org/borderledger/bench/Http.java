package org.borderledger.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Builds the benchmark's requests; one HTTP/1.1 client with keep-alive connections serves them all. */
final class Http {

    private static final Pattern POSITION = Pattern.compile("\"position\"\\s*:\\s*(\\d+)");
    private final String keyPrefix = "bench-" + UUID.randomUUID() + "-";
    private final AtomicLong keys = new AtomicLong();

    final HttpClient client;
    final URI command;
    final URI query;
    final Units.Tokens tokens;

    Http(URI command, URI query, Units.Tokens tokens) {
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        this.command = command;
        this.query = query;
        this.tokens = tokens;
    }

    /** The write that causes {@code step}, with an {@code Idempotency-Key} when asked. */
    HttpRequest write(Step step, boolean withIdempotencyKey) {
        HttpWrites.Write write = HttpWrites.of(step);
        HttpRequest.Builder request = HttpRequest.newBuilder(command.resolve(write.path()))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + tokens.of(step.submitter()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write.body()));
        if (withIdempotencyKey) {
            request.header("Idempotency-Key", keyPrefix + keys.incrementAndGet());
        }
        return request.build();
    }

    /** The by-id read of the step's aggregate once the read model has processed {@code position}. */
    HttpRequest readAt(Step step, long position) {
        return HttpRequest.newBuilder(query.resolve(HttpWrites.readPath(step) + "?minPosition=" + position))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + tokens.auditor())
                .GET()
                .build();
    }

    /**
     * Sends a write, and again after the {@code Retry-After} of every {@code 429} (the service's write rate limit) for
     * as long as the wait ends before {@code deadlineNanos}: the client slows down as the service asks.
     */
    HttpResponse<String> sendWrite(HttpRequest request, long deadlineNanos) throws IOException, InterruptedException {
        while (true) {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 429) {
                return response;
            }
            long waitNanos = Duration.ofSeconds(response.headers()
                            .firstValue("Retry-After")
                            .map(String::strip)
                            .filter(value -> value.matches("\\d{1,6}"))
                            .map(Long::parseLong)
                            .orElse(1L))
                    .toNanos();
            if (System.nanoTime() + waitNanos > deadlineNanos) {
                return response;
            }
            Thread.sleep(waitNanos / 1_000_000);
        }
    }

    /** The {@code position} of a {@code 201 {"id":…,"position":…}} answer, -1 if it has none. */
    static long position(String body) {
        Matcher matcher = POSITION.matcher(body);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
    }
}
