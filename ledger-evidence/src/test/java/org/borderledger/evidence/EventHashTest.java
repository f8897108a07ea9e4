package org.borderledger.evidence;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class EventHashTest {

    private static final ObjectMapper json = new ObjectMapper();

    private static final byte[] PAYLOAD = "{\"markerId\":\"314/1\",\"confirmedOn\":\"2014-08-15\"}".getBytes(UTF_8);

    private static final EventHash.Content CONTENT = new EventHash.Content(
            "BorderMarker",
            "314/1",
            2,
            "5f0c7a2e-event",
            "MarkerCompleted",
            null,
            "2014-08-15T03:00:00.123Z",
            PAYLOAD,
            metadata("{\"unit\":\"KP\",\"side\":\"KH\",\"submitter\":\"kp-officer\"}"));

    @Test
    void versionOneHashesAsTheStoresWrittenBeforeVersionTwo() throws IOException {
        // the value the first implementation computed for this content
        assertThat(EventHash.of(1, CONTENT, "ab12"))
                .isEqualTo("350187037966fb312a9a78ccf6d4f84899685eee86fd6fb5c9584e567cba7655");
        assertThat(SealChain.next(SealChain.next(SealChain.GENESIS, 1, "a"), 2, "b"))
                .isEqualTo("9106eb027d142f6db8d47b85e048a6c94015af853ac84df998c9c149d20dad14");
    }

    @Test
    void versionTwoIsTheSha256OfTheDocumentedCanonicalJson() throws IOException {
        String canonical =
                "{\"aggregateId\":\"314/1\",\"aggregateType\":\"BorderMarker\",\"eventId\":\"5f0c7a2e-event\","
                        + "\"metadata\":{\"side\":\"KH\",\"submitter\":\"kp-officer\",\"unit\":\"KP\"},"
                        + "\"payload\":{\"confirmedOn\":\"2014-08-15\",\"markerId\":\"314/1\"},"
                        + "\"payloadRevision\":null,\"payloadType\":\"MarkerCompleted\",\"previousHash\":\"ab12\","
                        + "\"recordedAt\":\"2014-08-15T03:00:00.123Z\",\"sequenceNumber\":2,"
                        + "\"version\":\"border-ledger/event-hash/v2\"}";

        assertThat(EventHash.of(2, CONTENT, "ab12")).isEqualTo(Sha256.hex(canonical.getBytes(UTF_8)));
    }

    @Test
    void versionTwoDoesNotDependOnHowTheStoredJsonIsSpelled() throws IOException {
        EventHash.Content respelled = new EventHash.Content(
                CONTENT.aggregateType(),
                CONTENT.aggregateId(),
                CONTENT.sequenceNumber(),
                CONTENT.eventIdentifier(),
                CONTENT.payloadType(),
                CONTENT.payloadRevision(),
                CONTENT.recordedAt(),
                "{ \"confirmedOn\" : \"2014-08-15\",\n \"markerId\": \"314\\/1\" }".getBytes(UTF_8),
                metadata("{\"submitter\":\"kp-officer\",\"side\":\"KH\",\"unit\":\"KP\"}"));

        assertThat(EventHash.of(2, respelled, "ab12")).isEqualTo(EventHash.of(2, CONTENT, "ab12"));
    }

    @Test
    void eachVersionChangesWithEveryFieldItCovers() throws IOException {
        List<UnaryOperator<EventHash.Content>> changes = List.of(
                c -> with(c, 0, "Other"),
                c -> with(c, 1, "314/2"),
                c -> with(c, 2, 3L),
                c -> with(c, 3, "other-id"),
                c -> with(c, 4, "MarkerDamaged"),
                c -> with(c, 5, "2"),
                c -> with(c, 6, "2014-08-15T03:00:00.124Z"),
                c -> with(c, 7, "{\"markerId\":\"314/1\",\"confirmedOn\":\"2014-08-16\"}".getBytes(UTF_8)),
                c -> with(c, 8, metadata("{\"unit\":\"KP\",\"side\":\"VN\",\"submitter\":\"kp-officer\"}")));

        for (int version : new int[] {1, 2}) {
            String original = EventHash.of(version, CONTENT, "ab12");
            assertThat(original).matches("[0-9a-f]{64}");
            for (UnaryOperator<EventHash.Content> change : changes) {
                assertThat(EventHash.of(version, change.apply(CONTENT), "ab12"))
                        .as("version %d", version)
                        .isNotEqualTo(original);
            }
            assertThat(EventHash.of(version, CONTENT, "ab13")).isNotEqualTo(original);
        }
        assertThat(EventHash.of(2, CONTENT, "ab12")).isNotEqualTo(EventHash.of(1, CONTENT, "ab12"));
    }

    @Test
    void readsTheHashesAndTheVersionAndLeavesTheHashesOutOfTheRest() throws IOException {
        EventHash.Stored stored = EventHash.read(
                "{\"unit\":\"KP\",\"hash\":\"ff\",\"previoushash\":\"ee\",\"hashversion\":\"2\"}".getBytes(UTF_8));

        assertThat(stored.hash()).isEqualTo("ff");
        assertThat(stored.previousHash()).isEqualTo("ee");
        assertThat(stored.versionNumber()).isEqualTo(2);
        assertThat(json.writeValueAsString(stored.rest())).isEqualTo("{\"unit\":\"KP\",\"hashversion\":\"2\"}");
        assertThat(EventHash.read("{\"hash\":\"ff\"}".getBytes(UTF_8)).versionNumber())
                .isEqualTo(1);
        assertThat(EventHash.read("{\"hashversion\":\"7\"}".getBytes(UTF_8)).versionNumber())
                .isEqualTo(-1);
        assertThatThrownBy(() -> EventHash.read("[1]".getBytes(UTF_8))).isInstanceOf(IOException.class);
    }

    @Test
    void aPayloadThatIsNotJsonCannotBeHashedInVersionTwo() {
        assertThatThrownBy(() -> EventHash.of(2, with(CONTENT, 7, "{\"broken".getBytes(UTF_8)), ""))
                .isInstanceOf(IOException.class);
    }

    static ObjectNode metadata(String text) {
        try {
            return (ObjectNode) json.readTree(text);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static EventHash.Content with(EventHash.Content c, int field, Object value) {
        Object[] fields = {
            c.aggregateType(),
            c.aggregateId(),
            c.sequenceNumber(),
            c.eventIdentifier(),
            c.payloadType(),
            c.payloadRevision(),
            c.recordedAt(),
            c.payload(),
            c.metadata()
        };
        fields[field] = value;
        return new EventHash.Content(
                (String) fields[0],
                (String) fields[1],
                (Long) fields[2],
                (String) fields[3],
                (String) fields[4],
                (String) fields[5],
                (String) fields[6],
                (byte[]) fields[7],
                (ObjectNode) fields[8]);
    }
}
