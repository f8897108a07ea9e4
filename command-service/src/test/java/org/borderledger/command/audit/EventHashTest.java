package org.borderledger.command.audit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class EventHashTest {

    private static final EventHash.Content CONTENT = new EventHash.Content(
            "BorderMarker",
            "314/1",
            2,
            "5f0c7a2e-event",
            "MarkerCompleted",
            null,
            "2014-08-15T03:00:00.123Z",
            "{\"markerId\":\"314/1\",\"confirmedOn\":\"2014-08-15\"}".getBytes(UTF_8),
            "{\"side\":\"KH\",\"unit\":\"KP\"}".getBytes(UTF_8));

    @Test
    void isHexSha256AndTheSameForTheSameContent() {
        String hash = EventHash.of(CONTENT, "ab12");

        assertThat(hash).matches("[0-9a-f]{64}").isEqualTo(EventHash.of(CONTENT, "ab12"));
    }

    @Test
    void changesWithEveryFieldItCovers() {
        String original = EventHash.of(CONTENT, "ab12");
        List<UnaryOperator<EventHash.Content>> changes = List.of(
                c -> with(c, "Other", c.aggregateId(), c.sequenceNumber(), c.eventIdentifier(), c.payloadType()),
                c -> with(c, c.aggregateType(), "314/2", c.sequenceNumber(), c.eventIdentifier(), c.payloadType()),
                c -> with(c, c.aggregateType(), c.aggregateId(), 3, c.eventIdentifier(), c.payloadType()),
                c -> with(c, c.aggregateType(), c.aggregateId(), c.sequenceNumber(), "other-id", c.payloadType()),
                c -> with(
                        c,
                        c.aggregateType(),
                        c.aggregateId(),
                        c.sequenceNumber(),
                        c.eventIdentifier(),
                        "MarkerDamaged"),
                c -> new EventHash.Content(
                        c.aggregateType(),
                        c.aggregateId(),
                        c.sequenceNumber(),
                        c.eventIdentifier(),
                        c.payloadType(),
                        "2",
                        c.recordedAt(),
                        c.payload(),
                        c.canonicalMetadata()),
                c -> new EventHash.Content(
                        c.aggregateType(),
                        c.aggregateId(),
                        c.sequenceNumber(),
                        c.eventIdentifier(),
                        c.payloadType(),
                        c.payloadRevision(),
                        "2014-08-15T03:00:00.124Z",
                        c.payload(),
                        c.canonicalMetadata()),
                c -> new EventHash.Content(
                        c.aggregateType(),
                        c.aggregateId(),
                        c.sequenceNumber(),
                        c.eventIdentifier(),
                        c.payloadType(),
                        c.payloadRevision(),
                        c.recordedAt(),
                        "{\"markerId\":\"314/1\",\"confirmedOn\":\"2014-08-16\"}".getBytes(UTF_8),
                        c.canonicalMetadata()),
                c -> new EventHash.Content(
                        c.aggregateType(),
                        c.aggregateId(),
                        c.sequenceNumber(),
                        c.eventIdentifier(),
                        c.payloadType(),
                        c.payloadRevision(),
                        c.recordedAt(),
                        c.payload(),
                        "{\"side\":\"VN\",\"unit\":\"KP\"}".getBytes(UTF_8)));

        for (UnaryOperator<EventHash.Content> change : changes) {
            assertThat(EventHash.of(change.apply(CONTENT), "ab12")).isNotEqualTo(original);
        }
        assertThat(EventHash.of(CONTENT, "ab13")).isNotEqualTo(original);
        assertThat(EventHash.of(CONTENT, "")).isNotEqualTo(EventHash.of(CONTENT, null));
    }

    @Test
    void keepsFieldBoundaries() {
        EventHash.Content ab = with(CONTENT, "ab", "c", 2, "id", "T");
        EventHash.Content a = with(CONTENT, "a", "bc", 2, "id", "T");

        assertThat(EventHash.of(ab, "")).isNotEqualTo(EventHash.of(a, ""));
    }

    @Test
    void canonicalMetadataSortsKeysDropsWhitespaceAndLeavesTheHashesOut() throws IOException {
        byte[] stored = ("{ \"unit\": \"KP\", \"hash\": \"ff\", \"side\": \"KH\", \"previoushash\": \"ee\","
                        + " \"nested\": {\"b\": 1, \"a\": [2, {\"d\": 1, \"c\": 2}]} }")
                .getBytes(UTF_8);

        assertThat(new String(EventHash.canonicalMetadata(stored), UTF_8))
                .isEqualTo("{\"nested\":{\"a\":[2,{\"c\":2,\"d\":1}],\"b\":1},\"side\":\"KH\",\"unit\":\"KP\"}");
        EventHash.Stored read = EventHash.read(stored);
        assertThat(read.hash()).isEqualTo("ff");
        assertThat(read.previousHash()).isEqualTo("ee");
        assertThat(EventHash.canonicalMetadata(null)).isNull();
        assertThatThrownBy(() -> EventHash.read("[1]".getBytes(UTF_8))).isInstanceOf(IOException.class);
    }

    @Test
    void theGlobalChainDependsOnOrderAndPositions() {
        String inOrder = SealChain.next(SealChain.next(SealChain.GENESIS, 1, "a"), 2, "b");

        assertThat(SealChain.next(SealChain.next(SealChain.GENESIS, 2, "b"), 1, "a"))
                .isNotEqualTo(inOrder);
        assertThat(SealChain.next(SealChain.next(SealChain.GENESIS, 1, "b"), 2, "a"))
                .isNotEqualTo(inOrder);
        assertThat(SealChain.next(SealChain.next(SealChain.GENESIS, 1, "a"), 3, "b"))
                .isNotEqualTo(inOrder);
        assertThat(SealChain.next(SealChain.GENESIS, 2, "b")).isNotEqualTo(inOrder);
    }

    private static EventHash.Content with(
            EventHash.Content c, String type, String id, long sequence, String eventId, String payloadType) {
        return new EventHash.Content(
                type,
                id,
                sequence,
                eventId,
                payloadType,
                c.payloadRevision(),
                c.recordedAt(),
                c.payload(),
                c.canonicalMetadata());
    }
}
