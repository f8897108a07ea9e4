package org.borderledger.operations.jobs;

import java.time.Instant;

/** Where a kind of background job holds its one-at-a-time slot, shared by every instance on the same database. */
public interface JobSlot {

    /** Takes the slot for {@code jobId}; throws the kind's own refusal (naming the job that holds it) when taken. */
    void take(String jobId, Instant now);

    /** Renews {@code jobId}'s hold; false when it no longer holds the slot (it went stale and was taken over). */
    boolean renew(String jobId, Instant now);

    /** Gives the slot back once {@code jobId} ended, when it holds it. */
    void release(String jobId, Instant now);

    /** Gives the slot back from a job that never started (recording it failed); as {@link #release} unless told. */
    default void releaseUnstarted(String jobId, Instant now) {
        release(jobId, now);
    }
}
