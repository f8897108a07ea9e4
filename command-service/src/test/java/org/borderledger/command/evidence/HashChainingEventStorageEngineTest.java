package org.borderledger.command.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.Serializer;
import org.borderledger.codec.LedgerSerializer;
import org.borderledger.events.repatriation.RemainsRecovered;
import org.borderledger.events.repatriation.RepatriationCaseOpened;
import org.borderledger.evidence.EventHash;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HashChainingEventStorageEngineTest {

    private static final String CASE = "REP-2014-KP-01";
    private static final MetaData SUBMITTED =
            MetaData.with("unit", "KG-REMAINS-TEAM").and("side", "VN");

    private final Serializer serializer = LedgerSerializer.create();
    private InMemoryEventStorageEngine stored;
    private HashChainingEventStorageEngine engine;

    @BeforeEach
    void setUp() {
        stored = spy(new InMemoryEventStorageEngine());
        engine = new HashChainingEventStorageEngine(stored, serializer, NoTransactionManager.INSTANCE);
    }

    @Test
    void chainsTheEventsOfOneAggregateAppendedTogether() {
        engine.appendEvents(opened(), recovered(1, 12), recovered(2, 3));
        verify(stored, never()).readEvents(anyString(), anyLong());

        List<DomainEventMessage<?>> history = history();
        assertThat(history).extracting(this::hash).allMatch(hash -> hash.matches("[0-9a-f]{64}"));
        assertThat(previousHash(history.get(0))).isEmpty();
        assertThat(previousHash(history.get(1))).isEqualTo(hash(history.get(0)));
        assertThat(previousHash(history.get(2))).isEqualTo(hash(history.get(1)));
        assertThat(history).extracting(this::hash).doesNotHaveDuplicates();
    }

    @Test
    void linksToTheStoredPreviousEventOfAnEarlierAppend() {
        engine.appendEvents(opened());
        engine.appendEvents(recovered(1, 12));
        verify(stored, times(1)).readEvents(CASE, 0L);

        List<DomainEventMessage<?>> history = history();
        assertThat(previousHash(history.get(1))).isEqualTo(hash(history.get(0)));
    }

    @Test
    void remembersTheLastHashOfEachAggregateWithinOneUnitOfWork() {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            engine.appendEvents(opened());
            engine.appendEvents(recovered(1, 12));
        } finally {
            unitOfWork.commit();
        }
        verify(stored, never()).readEvents(anyString(), anyLong());

        List<DomainEventMessage<?>> history = history();
        assertThat(previousHash(history.get(1))).isEqualTo(hash(history.get(0)));
    }

    @Test
    void replacesHashesASubmitterMightHaveSent() {
        engine.appendEvents(opened().andMetaData(MetaData.with("hash", "forged").and("previoushash", "forged")));

        DomainEventMessage<?> event = history().get(0);
        assertThat(hash(event)).isNotEqualTo("forged");
        assertThat(previousHash(event)).isEmpty();
        assertThat(event.getMetaData()).containsEntry("unit", "KG-REMAINS-TEAM");
    }

    @Test
    void handsTheEngineThePayloadBytesItHashed() {
        engine.appendEvents(recoveredAlone());

        DomainEventMessage<?> event = stored.readEvents(CASE + "-ALONE", 0).next();
        assertThat(event.serializePayload(serializer, byte[].class).getData())
                .isEqualTo(
                        serializer.serialize(event.getPayload(), byte[].class).getData());
        assertThat(event.getPayload()).isInstanceOf(RemainsRecovered.class);
    }

    @Test
    void hashesAnEventWithoutAggregateAsItsOwnAggregateAtSequenceZero() {
        var event = GenericEventMessage.asEventMessage(opened().getPayload()).andMetaData(SUBMITTED);
        engine.appendEvents(event);

        DomainEventMessage<?> stored =
                this.stored.readEvents(event.getIdentifier(), 0).next();
        assertThat(stored.getSequenceNumber()).isZero();
        assertThat(previousHash(stored)).isEmpty();
        assertThat(hash(stored)).matches("[0-9a-f]{64}");
    }

    private List<DomainEventMessage<?>> history() {
        return stored.readEvents(CASE, 0)
                .asStream()
                .<DomainEventMessage<?>>map(event -> event)
                .toList();
    }

    private String hash(DomainEventMessage<?> event) {
        return (String) event.getMetaData().get(EventHash.HASH);
    }

    private String previousHash(DomainEventMessage<?> event) {
        return (String) event.getMetaData().get(EventHash.PREVIOUS_HASH);
    }

    private static DomainEventMessage<?> opened() {
        return new GenericDomainEventMessage<>(
                "RepatriationCase",
                CASE,
                0,
                new RepatriationCaseOpened(CASE, "2013-2014", "KH-7", "KG-REMAINS-TEAM", "VN-47"),
                SUBMITTED);
    }

    private static DomainEventMessage<?> recovered(long sequence, int count) {
        return new GenericDomainEventMessage<>(
                "RepatriationCase",
                CASE,
                sequence,
                new RemainsRecovered(CASE, LocalDate.of(2014, 3, 2), count, null),
                SUBMITTED);
    }

    private static DomainEventMessage<?> recoveredAlone() {
        return new GenericDomainEventMessage<>(
                "RepatriationCase",
                CASE + "-ALONE",
                0,
                new RemainsRecovered(CASE, LocalDate.of(2014, 3, 2), 7, null),
                SUBMITTED);
    }
}
