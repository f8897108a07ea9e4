package org.borderledger.query.segments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.IntStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.Segment;
import org.borderledger.query.infra.PartitionStreams;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SegmentsConfigurationTest {

    /** However many partitions the topic has, a partition's messages go to its own segment and to no other. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5, 6, 7, 8, 12, 31, 64})
    void aMessageGoesToTheSegmentOfItsPartitionOnly(int partitions) {
        int[] ids = IntStream.range(0, partitions).toArray();
        for (int partition = 0; partition < partitions; partition++) {
            Object sequence = SegmentsConfiguration.BY_PARTITION.getSequenceIdentifierFor(
                    GenericEventMessage.asEventMessage("e").andMetaData(Map.of(PartitionStreams.PARTITION, partition)));
            for (int id : ids) {
                assertThat(Segment.computeSegment(id, ids).matches(sequence))
                        .as("partition %d in segment %d of %d", partition, id, partitions)
                        .isEqualTo(id == partition);
            }
        }
    }
}
