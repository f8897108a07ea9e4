package org.borderledger.command.infra;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.borderledger.command.store.GroupCommit;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The aggregates of the last writes, so that the next command to the same aggregate need not read and replay its
 * events. An aggregate enters the cache only once the database transaction that stored its new events has committed: a
 * write runs inside the request's transaction (with its idempotency key), which commits after Axon's unit of work, so
 * a state whose events might still roll back must never be seen by another command. Until then the aggregate's entry
 * is gone and a concurrent command reads the store, where the unique (aggregate, sequence) key decides, exactly as
 * without a cache; a write that rolls back leaves no entry (Axon also evicts on its own rollback), and so does a write
 * of a shared transaction whose savepoint rolled back ({@link GroupCommit}). Bounded: the least
 * recently used aggregates make room.
 *
 * <p>Several instances may share one store, and another instance may have appended to a cached aggregate since it was
 * cached here. A command decided on that stale state would be refused wrongly (a confirmation of a completion this
 * instance has not seen) or collide on the sequence number. So before an entry is handed out, the store's last
 * sequence number of the aggregate (one indexed query, in the command's transaction) is compared with the entry's
 * version; an entry behind the store is evicted and the aggregate read from the store. An append that commits after
 * that check is a concurrent write, decided by the unique key as without a cache.
 *
 * <p>Axon keys a repository's cache by aggregate id alone, and every aggregate type shares this one cache, so each
 * type reads and writes it through its own {@link #forAggregate view}, whose keys carry the type: a command aimed at a
 * marker's id by an indicator's write never finds the marker here, reads the store, where the indicator repository
 * filters by aggregate type, and is refused as an unknown aggregate.
 */
final class CommittedAggregateCache implements Cache {

    /** The last sequence number the store holds for an aggregate id, or {@code null} when it holds none. */
    @FunctionalInterface
    interface StoredVersions {
        Long lastSequence(Object aggregateId);
    }

    private static final VarHandle ENTRY_VERSION = entryVersion();

    private final Map<Object, Object> entries;
    private final StoredVersions storedVersions;

    CommittedAggregateCache(int capacity) {
        this(capacity, null);
    }

    /** With {@code storedVersions}, every entry handed out is checked against the store first; without, it is not. */
    CommittedAggregateCache(int capacity, StoredVersions storedVersions) {
        this.storedVersions = storedVersions;
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

    /** The entry of {@code aggregateId} under {@code key}, unless the store holds events of it the entry lacks. */
    private Object current(Object key, Object aggregateId) {
        Object entry = entries.get(key);
        if (entry == null || storedVersions == null) {
            return entry;
        }
        Long cached = entry instanceof AggregateCacheEntry<?> cacheEntry ? (Long) ENTRY_VERSION.get(cacheEntry) : null;
        Long stored = storedVersions.lastSequence(aggregateId);
        if (cached == null || !cached.equals(stored)) {
            entries.remove(key, entry);
            return null;
        }
        return entry;
    }

    private static VarHandle entryVersion() {
        try {
            return MethodHandles.privateLookupIn(AggregateCacheEntry.class, MethodHandles.lookup())
                    .findVarHandle(AggregateCacheEntry.class, "version", Long.class);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Axon's AggregateCacheEntry keeps no version field to check", e);
        }
    }

    @Override
    public void put(Object key, Object value) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            entries.put(key, value);
            return;
        }
        entries.remove(key);
        BooleanSupplier writeKept = GroupCommit.currentWriteKept();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status == STATUS_COMMITTED && writeKept.getAsBoolean()) {
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
        @SuppressWarnings("unchecked")
        public <K, V> V get(K key) {
            return (V) shared.current(new TypedKey(aggregateType, key), key);
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
