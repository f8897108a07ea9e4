package org.borderledger.operations.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BackgroundJobsTest {

    /** A slot in memory: one holder at a time, and what happened to it. */
    static final class MemorySlot implements JobSlot {
        final AtomicReference<String> holder = new AtomicReference<>();
        final List<String> events = new CopyOnWriteArrayList<>();

        @Override
        public void take(String jobId, Instant now) {
            if (!holder.compareAndSet(null, jobId)) {
                throw new IllegalStateException("busy: " + holder.get());
            }
            events.add("take");
        }

        @Override
        public boolean renew(String jobId, Instant now) {
            return jobId.equals(holder.get());
        }

        @Override
        public void release(String jobId, Instant now) {
            if (holder.compareAndSet(jobId, null)) {
                events.add("release");
            }
        }

        @Override
        public void releaseUnstarted(String jobId, Instant now) {
            if (holder.compareAndSet(jobId, null)) {
                events.add("release unstarted");
            }
        }
    }

    final MemorySlot slot = new MemorySlot();
    final BackgroundJobs jobs =
            new BackgroundJobs("test-job", slot, Clock.systemUTC(), Duration.ofMillis(20), Duration.ofSeconds(30));

    @AfterEach
    void close() {
        jobs.close();
    }

    @Test
    void aJobRunsInTheBackgroundHoldingItsSlotUntilItEnds() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        List<Instant> touched = new CopyOnWriteArrayList<>();

        String id = jobs.start(jobId -> jobId, (jobId, at) -> touched.add(at), (jobId, heartbeat) -> {
            awaitQuietly(release);
            done.countDown();
        });

        assertThat(slot.holder.get()).isEqualTo(id);
        assertThatThrownBy(() -> jobs.start(jobId -> jobId, (jobId, at) -> {}, (jobId, heartbeat) -> {}))
                .as("one at a time")
                .hasMessageContaining("busy: " + id);
        assertThat(jobs.abandoned(id, Instant.now().minusSeconds(3600)))
                .as("a job running here is never abandoned")
                .isFalse();
        Thread.sleep(100);
        assertThat(touched).as("the heartbeat touched the job's row").isNotEmpty();

        release.countDown();
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        awaitReleased();
        assertThat(slot.events).containsExactly("take", "release");
        assertThat(jobs.abandoned(id, Instant.now().minusSeconds(3600))).isTrue();
        assertThat(jobs.abandoned(id, Instant.now())).isFalse();
    }

    @Test
    void aJobThatCannotBeRecordedGivesItsSlotBackAsNeverStarted() {
        assertThatThrownBy(() -> jobs.start(
                        jobId -> {
                            throw new IllegalStateException("no topic");
                        },
                        (jobId, at) -> {},
                        (jobId, heartbeat) -> {}))
                .hasMessage("no topic");

        assertThat(slot.holder.get()).isNull();
        assertThat(slot.events).containsExactly("take", "release unstarted");
    }

    @Test
    void closingTheRunnerInterruptsTheRunningJob() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        jobs.start(jobId -> jobId, (jobId, at) -> {}, (jobId, heartbeat) -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
        });

        jobs.close();

        assertThat(interrupted.await(5, TimeUnit.SECONDS)).isTrue();
        awaitReleased();
    }

    @Test
    void aJobWhoseSlotWasTakenOverLearnsItFromItsHeartbeat() throws Exception {
        CountDownLatch lost = new CountDownLatch(1);
        String id = jobs.start(jobId -> jobId, (jobId, at) -> {}, (jobId, heartbeat) -> {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!heartbeat.lost() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            if (heartbeat.lost()) {
                lost.countDown();
            }
        });

        slot.holder.set("another-" + id);

        assertThat(lost.await(5, TimeUnit.SECONDS)).isTrue();
    }

    private void awaitReleased() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (slot.holder.get() != null && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(slot.holder.get()).isNull();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
