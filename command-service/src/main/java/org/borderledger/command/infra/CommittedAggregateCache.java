package org.borderledger.command.infra;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The aggregates of the last writes, so that the next command to the same aggregate need not read and replay its
 * events. An aggregate enters the cache only once the database transaction that stored its new events has committed: a
 * write runs inside the request's transaction (with its idempotency key), which commits after Axon's unit of work, so
 * a state whose events might still roll back must never be seen by another command. Until then the aggregate's entry
 * is gone and a concurrent command reads the store, where the unique (aggregate, sequence) key decides, exactly as
 * without a cache; a write that rolls back leaves no entry (Axon also evicts on its own rollback). Several instances
 * sharing one store stay correct the same way: a stale entry produces a duplicate sequence number, the write is refused
 * as a conflict and the entry evicted. Bounded: the least recently used aggregates make room.
 *
 * <p>Axon keys a repository's cache by aggregate id alone, and every aggregate type shares this one cache, so each
 * type reads and writes it through its own {@link #forAggregate view}, whose keys carry the type: a command aimed at a
 * marker's id by an indicator's write never finds the marker here, reads the store, where the indicator repository
 * filters by aggregate type, and is refused as an unknown aggregate.
 */
final class CommittedAggregateCache implements Cache {

    private final Map<Object, Object> entries;

    CommittedAggregateCache(int capacity) {
        this.entries = Collections.synchronizedMap(new LinkedHashMap<>(capacity * 4 / 3 + 1, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
                return size() > capacity;
            }
        });
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        return (V) entries.get(key);
    }

    @Override
    public void put(Object key, Object value) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            entries.put(key, value);
            return;
        }
        entries.remove(key);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status == STATUS_COMMITTED) {
                    entries.put(key, value);
                }
            }
        });
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        synchronized (entries) {
            if (entries.containsKey(key)) {
                return false;
            }
            put(key, value);
            return true;
        }
    }

    @Override
    public boolean remove(Object key) {
        return entries.remove(key) != null;
    }

    @Override
    public void removeAll() {
        entries.clear();
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    /** Entries are never expired by time, only pushed out by newer ones; nothing to tell a listener. */
    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        return () -> true;
    }

    int size() {
        return entries.size();
    }

    /** The entries of one aggregate type, keyed by id as Axon's repositories ask for them. */
    Cache forAggregate(String aggregateType) {
        return new TypedView(this, aggregateType);
    }

    private record TypedKey(String aggregateType, Object id) {}

    private record TypedView(CommittedAggregateCache shared, String aggregateType) implements Cache {

        @Override
        public <K, V> V get(K key) {
            return shared.get(new TypedKey(aggregateType, key));
        }

        @Override
        public void put(Object key, Object value) {
            shared.put(new TypedKey(aggregateType, key), value);
        }

        @Override
        public boolean putIfAbsent(Object key, Object value) {
            return shared.putIfAbsent(new TypedKey(aggregateType, key), value);
        }

        @Override
        public boolean remove(Object key) {
            return shared.remove(new TypedKey(aggregateType, key));
        }

        @Override
        public void removeAll() {
            synchronized (shared.entries) {
                shared.entries
                        .keySet()
                        .removeIf(key -> key instanceof TypedKey typed
                                && typed.aggregateType().equals(aggregateType));
            }
        }

        @Override
        public boolean containsKey(Object key) {
            return shared.containsKey(new TypedKey(aggregateType, key));
        }

        @Override
        public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
            return shared.registerCacheEntryListener(cacheEntryListener);
        }
    }
}
