package org.borderledger.query.infra;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.ToLongFunction;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.Buffer;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.KafkaEventMessage;

/**
 * Hands the projections the records in the order the consumer fetched them, which is the order in which Axon's
 * Kafka token grows: each message carries a token that covers every record fetched before it and itself. Processed in
 * that order, the token the processor commits after a message covers exactly the records processed so far, per
 * partition. The extension's default {@code SortedKafkaMessageBuffer} reorders messages across partitions by timestamp,
 * so a committed token could name a partition's offset whose earlier records were still in the buffer (skipped after a
 * restart) or miss a partition processed long before (re-read after a restart, and no measure of replay progress).
 * One aggregate's events share a partition, and no projection depends on order across aggregates.
 *
 * <p>The buffer holds at most {@code capacity} messages and {@code capacityBytes} of their weight (their records' raw
 * bytes); a message heavier than that is let in alone, when the buffer is empty. The fetching thread waits in
 * {@link #putAll} while the buffer is full, so it polls the consumer no further until the projections take messages:
 * that is the back-pressure that bounds what a partition stream holds ({@link TopicReading}).
 */
final class FetchOrderBuffer implements Buffer<KafkaEventMessage> {

    private final Deque<Weighed> messages = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final int capacity;
    private final long capacityBytes;
    private final ToLongFunction<KafkaEventMessage> weight;
    private long bytes;

    FetchOrderBuffer(int capacity, long capacityBytes, ToLongFunction<KafkaEventMessage> weight) {
        if (capacity <= 0 || capacityBytes <= 0) {
            throw new IllegalArgumentException(
                    "The capacity must be positive, not " + capacity + " messages and " + capacityBytes + " bytes");
        }
        this.capacity = capacity;
        this.capacityBytes = capacityBytes;
        this.weight = weight;
    }

    @Override
    public void put(KafkaEventMessage message) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            add(message);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void putAll(Collection<KafkaEventMessage> batch) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            for (KafkaEventMessage message : batch) {
                add(message);
            }
        } finally {
            lock.unlock();
        }
    }

    private void add(KafkaEventMessage message) throws InterruptedException {
        long messageBytes = Math.max(0, weight.applyAsLong(message));
        while (messages.size() >= capacity || (!messages.isEmpty() && bytes + messageBytes > capacityBytes)) {
            notFull.await();
        }
        messages.addLast(new Weighed(message, messageBytes));
        bytes += messageBytes;
        notEmpty.signal();
    }

    @Override
    public KafkaEventMessage poll(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lockInterruptibly();
        try {
            while (messages.isEmpty()) {
                throwIfFailed();
                if (nanos <= 0) {
                    return null;
                }
                nanos = notEmpty.awaitNanos(nanos);
            }
            return remove();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public KafkaEventMessage take() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (messages.isEmpty()) {
                throwIfFailed();
                notEmpty.await();
            }
            return remove();
        } finally {
            lock.unlock();
        }
    }

    private KafkaEventMessage remove() {
        Weighed first = messages.pollFirst();
        bytes -= first.bytes();
        notFull.signal();
        return first.message();
    }

    @Override
    public KafkaEventMessage peek() {
        lock.lock();
        try {
            if (messages.isEmpty()) {
                throwIfFailed();
                return null;
            }
            return messages.peekFirst().message();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int size() {
        lock.lock();
        try {
            return messages.size();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean isEmpty() {
        return size() == 0;
    }

    @Override
    public int remainingCapacity() {
        return capacity - size();
    }

    @Override
    public void clear() {
        lock.lock();
        try {
            messages.clear();
            bytes = 0;
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The fetcher failed: whoever waits for a message gets the failure once the buffer is drained. */
    @Override
    public void setException(RuntimeException exception) {
        failure.set(exception);
        lock.lock();
        try {
            notEmpty.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void throwIfFailed() {
        RuntimeException exception = failure.get();
        if (exception != null) {
            throw exception;
        }
    }

    /** The weight of the bytes in the buffer now. */
    long bytes() {
        lock.lock();
        try {
            return bytes;
        } finally {
            lock.unlock();
        }
    }

    private record Weighed(KafkaEventMessage message, long bytes) {}
}
