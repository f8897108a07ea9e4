package org.borderledger.query.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.KafkaTrackingToken;
import org.axonframework.serialization.Serializer;
import org.borderledger.codec.LedgerSerializer;
import org.borderledger.codec.TokenTable;
import org.borderledger.query.ReadModelDatabase;
import org.junit.jupiter.api.Test;

class ProcessedOffsetRepositoryTest {

    final ReadModelDatabase database = ReadModelDatabase.migrated();
    final Serializer serializer = LedgerSerializer.create();
    final JdbcTokenStore tokens = JdbcTokenStore.builder()
            .connectionProvider(() -> database.dataSource().getConnection())
            .schema(TokenTable.SCHEMA)
            .serializer(serializer)
            .build();
    final ProcessedOffsetRepository offsets =
            new ProcessedOffsetRepository(database.jdbc(), serializer, "ledger.events");

    @Test
    void readsTheKafkaOffsetsOfTheProcessorsToken() {
        store(kafka(Map.of(0, 4L, 3, 9L)));

        assertThat(offsets.read()).containsOnly(Map.entry(0, 4L), Map.entry(3, 9L));
    }

    @Test
    void readsTheCurrentPositionOfAReplay() {
        TrackingToken atReset = kafka(Map.of(0, 4L, 3, 9L));
        store(ReplayToken.createReplayToken(atReset, null));
        assertThat(offsets.read()).isEmpty();

        store(((ReplayToken) ReplayToken.createReplayToken(atReset, null)).advancedTo(kafka(Map.of(3, 2L))));
        assertThat(offsets.read()).containsOnly(Map.entry(3, 2L));
    }

    private void store(TrackingToken token) {
        if (tokens.fetchSegments(ProcessedOffsetRepository.PROCESSOR).length == 0) {
            tokens.initializeTokenSegments(ProcessedOffsetRepository.PROCESSOR, 1);
        }
        tokens.fetchToken(ProcessedOffsetRepository.PROCESSOR, 0);
        tokens.storeToken(token, ProcessedOffsetRepository.PROCESSOR, 0);
    }

    private static KafkaTrackingToken kafka(Map<Integer, Long> offsets) {
        KafkaTrackingToken token = KafkaTrackingToken.emptyToken();
        for (var entry : offsets.entrySet()) {
            token = token.advancedTo("ledger.events", entry.getKey(), entry.getValue());
        }
        return token;
    }
}
