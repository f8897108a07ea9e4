package org.borderledger.operations;

import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * What the admin job APIs of both services (replays, consistency checks, re-publications, full verifications) answer
 * alike: a start is a 202 with the job's own URI as Location, and a list shows the latest {@value #LATEST} jobs.
 */
public final class JobAnswers {

    public static final int LATEST = 20;

    private JobAnswers() {}

    /** 202 Accepted, the job as body, Location the current request's URI followed by {@code /{id}}. */
    public static <T> ResponseEntity<T> started(String id, T job) {
        return ResponseEntity.accepted()
                .location(ServletUriComponentsBuilder.fromCurrentRequestUri()
                        .path("/{id}")
                        .buildAndExpand(id)
                        .toUri())
                .body(job);
    }
}
