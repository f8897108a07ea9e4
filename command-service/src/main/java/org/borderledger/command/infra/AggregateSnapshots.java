package org.borderledger.command.infra;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.stereotype.Aggregate;
import org.borderledger.codec.LedgerSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Snapshots of aggregates whose histories grow without bound (agreements with their reviews and amendments, markers
 * with their damage and repair cycles): after every {@code ledger.snapshots.threshold} events an aggregate loads, Axon
 * stores its state in {@code snapshot_event_entry}, and the next load reads that snapshot and only the events after it.
 * A snapshot is a cache, never evidence: the audit API, the hash chain, the export and the publisher read events only.
 * A snapshot of a class that is not an aggregate of this service is skipped for the full history; after a change to an
 * aggregate's fields, delete that aggregate type's rows from {@code snapshot_event_entry} (they are rebuilt).
 */
@Configuration(proxyBeanMethods = false)
class AggregateSnapshots {

    /** The trigger of the aggregates named in {@code @Aggregate(snapshotTriggerDefinition = "snapshotTrigger")}. */
    @Bean
    SnapshotTriggerDefinition snapshotTrigger(
            Snapshotter snapshotter, @Value("${ledger.snapshots.threshold:250}") int threshold) {
        if (threshold < 1) {
            throw new IllegalArgumentException("ledger.snapshots.threshold must be at least 1, not " + threshold);
        }
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    /**
     * The serializer of snapshots: aggregate state as JSON of its fields. It loads only classes of this service that are
     * aggregates, so a snapshot row can name no other class; anything else reads as unknown and is skipped.
     */
    static JacksonSerializer serializer() {
        ObjectMapper fields = LedgerSerializer.objectMapper()
                .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
        return new SnapshotSerializer(JacksonSerializer.builder().objectMapper(fields));
    }

    /** Lets through only snapshots of a class the snapshot serializer loads. */
    static SnapshotFilter knownAggregates() {
        JacksonSerializer serializer = serializer();
        return snapshot -> serializer.classForType(snapshot.getPayload().getType()) != UnknownSerializedType.class;
    }

    private static final class SnapshotSerializer extends JacksonSerializer {

        SnapshotSerializer(Builder builder) {
            super(builder);
        }

        @Override
        @SuppressWarnings("rawtypes")
        public Class classForType(SerializedType type) {
            String name = type.getName();
            if (!name.startsWith("org.borderledger.command.")) {
                return UnknownSerializedType.class;
            }
            try {
                Class<?> candidate = Class.forName(name, false, AggregateSnapshots.class.getClassLoader());
                return candidate.isAnnotationPresent(Aggregate.class) ? candidate : UnknownSerializedType.class;
            } catch (ClassNotFoundException e) {
                return UnknownSerializedType.class;
            }
        }
    }
}
