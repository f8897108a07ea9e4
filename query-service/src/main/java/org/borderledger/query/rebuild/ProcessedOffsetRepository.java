package org.borderledger.query.rebuild;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.borderledger.query.infra.PartitionStreams;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * How far the live projections are, per partition of the event topic, as committed: the Kafka offsets in the
 * {@code projections} processor's tokens in {@code token_entry}. A token commits in the transaction of the read model
 * changes of its batch, so an offset read here is an offset whose effects are in the read models. Reading the table
 * (instead of the processor's memory) sees the processor on whichever instance runs it, and claims nothing.
 */
@Repository
public class ProcessedOffsetRepository {

    public static final String PROCESSOR = "projections";

    private static final String SELECT =
            "SELECT segment, token, token_type FROM token_entry WHERE token IS NOT NULL" + " AND processor_name = ";

    private final JdbcClient jdbc;
    private final Serializer serializer;
    private final String topic;

    ProcessedOffsetRepository(
            JdbcClient jdbc, Serializer serializer, @Value("${axon.kafka.default-topic}") String topic) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.topic = topic;
    }

    /** Partition to the offset of the last record the projections processed; a partition not named has none. */
    public Map<Integer, Long> read() {
        return combine(jdbc.sql(SELECT + ":processor")
                .param("processor", PROCESSOR)
                .query((rs, row) -> token(rs))
                .list());
    }

    /** Segment to its committed token, without claiming any; a segment whose token is empty is left out. */
    public Map<Integer, TrackingToken> tokens() {
        Map<Integer, TrackingToken> tokens = new HashMap<>();
        jdbc.sql(SELECT + ":processor").param("processor", PROCESSOR).query(rs -> {
            tokens.put(rs.getInt("segment"), token(rs));
        });
        return tokens;
    }

    /** The same, read on {@code connection}, within its transaction (and snapshot). */
    public Map<Integer, Long> read(Connection connection) throws SQLException {
        List<TrackingToken> tokens = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(SELECT + "?")) {
            statement.setString(1, PROCESSOR);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    tokens.add(token(rs));
                }
            }
        }
        return combine(tokens);
    }

    private TrackingToken token(ResultSet rs) throws SQLException {
        return serializer.deserialize(
                new SimpleSerializedObject<>(rs.getBytes("token"), byte[].class, rs.getString("token_type"), null));
    }

    /**
     * Each segment's token holds the offsets of the partitions its segment reads (one partition per segment, or every
     * partition in a processor of one segment); a partition counts as processed up to an offset once every token that
     * names it has passed that offset, so the smallest wins. A replay token's current position is its lower bound.
     */
    private Map<Integer, Long> combine(List<TrackingToken> tokens) {
        Map<Integer, Long> combined = new HashMap<>();
        for (TrackingToken token : tokens) {
            PartitionStreams.offsetsOf(WrappedToken.unwrapLowerBound(token), topic)
                    .forEach((partition, offset) -> combined.merge(partition, offset, Math::min));
        }
        return combined;
    }
}
