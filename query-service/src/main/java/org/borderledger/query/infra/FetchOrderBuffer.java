package org.borderledger.query.infra;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
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
 */
final class FetchOrderBuffer implements Buffer<KafkaEventMessage> {

    private final Deque<KafkaEventMessage> messages = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final int capacity;

    FetchOrderBuffer(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("The capacity must be positive, not " + capacity);
        }
        this.capacity = capacity;
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
        while (messages.size() == capacity) {
            notFull.await();
        }
        messages.addLast(message);
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
        KafkaEventMessage first = messages.pollFirst();
        notFull.signal();
        return first;
    }

    @Override
    public KafkaEventMessage peek() {
        lock.lock();
        try {
            if (messages.isEmpty()) {
                throwIfFailed();
                return null;
            }
            return messages.peekFirst();
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
}
