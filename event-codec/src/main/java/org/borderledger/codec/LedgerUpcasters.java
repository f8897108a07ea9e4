package org.borderledger.codec;

import java.time.Instant;
import java.util.List;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;

/**
 * Every upcaster of the ledger's events, oldest revision first: what turns an event stored or published in an earlier
 * revision into the current one. The command service registers {@link #chain()} with Axon (the event store, the
 * aggregates, the publisher, the audit API read through it); readers of raw rows or topic records use
 * {@link #deserialize}. The bytes stored or published are never rewritten, so hashes and MACs over them stay valid.
 */
public final class LedgerUpcasters {

    private static final byte[] NO_METADATA = "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    /** Upcasters hold no state: one chain serves every read. */
    private static final EventUpcasterChain CHAIN = new EventUpcasterChain(upcasters());

    private LedgerUpcasters() {}

    public static EventUpcasterChain chain() {
        return CHAIN;
    }

    static List<EventUpcaster> upcasters() {
        return List.of(new IndicatorReportedUnit(), new IndicatorReportedPair());
    }

    /**
     * The current-revision payload of an event's JSON stored or published as {@code type} in {@code revision}.
     *
     * @throws org.axonframework.serialization.SerializationException when the JSON is not that of the type
     */
    public static Object deserialize(Serializer serializer, byte[] payload, String type, String revision) {
        GenericDomainEventEntry<byte[]> entry =
                new GenericDomainEventEntry<>(null, null, 0, "", Instant.EPOCH, type, revision, payload, NO_METADATA);
        List<IntermediateEventRepresentation> upcast = CHAIN.upcast(
                        java.util.stream.Stream.of(new InitialEventRepresentation(entry, serializer)))
                .toList();
        if (upcast.size() != 1) {
            throw new IllegalStateException(
                    "An upcaster turned one " + type + " into " + upcast.size() + " events; readers expect one");
        }
        return serializer.deserialize(upcast.get(0).getData());
    }
}
