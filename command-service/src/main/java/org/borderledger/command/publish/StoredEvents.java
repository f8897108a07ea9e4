package org.borderledger.command.publish;

import java.util.List;
import java.util.Map;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.borderledger.codec.LedgerUpcasters;
import org.borderledger.command.store.StorePositions;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The event store read in global order, in ranges of positions, each event upcast and with its position. */
record StoredEvents(JdbcClient jdbc, StorePositions positions, Serializer serializer) {

    /** The highest position now. */
    long head() {
        return positions.head();
    }

    /** How many events stand at positions {@code from} to {@code to}. */
    long count(long from, long to) {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE global_index >= :from"
                        + " AND global_index <= :to")
                .param("from", from)
                .param("to", to)
                .query(Long.class)
                .single();
    }

    /** At most {@code size} events after {@code after}, up to {@code to}, in global order, with their positions. */
    List<Map.Entry<Long, DomainEventMessage<?>>> page(long after, long to, int size) {
        return jdbc.sql("SELECT global_index, type, aggregate_identifier, sequence_number, event_identifier,"
                        + " time_stamp, payload_type, payload_revision, payload, meta_data FROM domain_event_entry"
                        + " WHERE global_index > :after AND global_index <= :to ORDER BY global_index LIMIT :page")
                .param("after", after)
                .param("to", to)
                .param("page", size)
                .query((rs, row) -> Map.<Long, DomainEventMessage<?>>entry(
                        rs.getLong("global_index"),
                        new GenericDomainEventMessage<>(
                                rs.getString("type"),
                                rs.getString("aggregate_identifier"),
                                rs.getLong("sequence_number"),
                                LedgerUpcasters.deserialize(
                                        serializer,
                                        rs.getBytes("payload"),
                                        rs.getString("payload_type"),
                                        rs.getString("payload_revision")),
                                metaData(rs.getBytes("meta_data")),
                                rs.getString("event_identifier"),
                                DateTimeUtils.parseInstant(rs.getString("time_stamp")))))
                .list();
    }

    private MetaData metaData(byte[] bytes) {
        if (bytes == null) {
            return MetaData.emptyInstance();
        }
        return serializer.deserialize(
                new SimpleSerializedObject<>(bytes, byte[].class, MetaData.class.getName(), null));
    }
}
