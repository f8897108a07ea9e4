package org.borderledger.command.infra;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class CommittedAggregateCacheTest {

    private final CommittedAggregateCache cache = new CommittedAggregateCache(3);

    @AfterEach
    void endTransaction() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void showsAnAggregateToOtherCommandsOnlyOnceItsTransactionCommitted() {
        cache.put("314/1", "reported");
        TransactionSynchronizationManager.initSynchronization();

        cache.put("314/1", "confirmed");
        assertThat(cache.<String, String>get("314/1"))
                .as("the earlier state is gone while the new one may still roll back")
                .isNull();

        complete(TransactionSynchronization.STATUS_COMMITTED);
        assertThat(cache.<String, String>get("314/1")).isEqualTo("confirmed");
    }

    @Test
    void forgetsAnAggregateWhoseTransactionRolledBack() {
        TransactionSynchronizationManager.initSynchronization();

        cache.put("REP-2014-KP-01", "recovered 12");
        complete(TransactionSynchronization.STATUS_ROLLED_BACK);

        assertThat(cache.containsKey("REP-2014-KP-01")).isFalse();
    }

    @Test
    void makesRoomByDroppingTheLeastRecentlyUsedAggregate() {
        cache.put("a", 1);
        cache.put("b", 2);
        cache.put("c", 3);
        cache.get("a");
        cache.put("d", 4);

        assertThat(cache.containsKey("b")).isFalse();
        assertThat(cache.containsKey("a")).isTrue();
        assertThat(cache.size()).isEqualTo(3);
    }

    @Test
    void showsEachAggregateTypeOnlyItsOwnEntriesUnderAnId() {
        Cache markers = cache.forAggregate("BorderMarker");
        Cache indicators = cache.forAggregate("CooperationIndicator");

        markers.put("314", "marker 314");

        assertThat(indicators.<String, String>get("314")).isNull();
        assertThat(indicators.containsKey("314")).isFalse();
        assertThat(markers.<String, String>get("314")).isEqualTo("marker 314");
        indicators.removeAll();
        assertThat(markers.containsKey("314")).isTrue();
    }

    private static void complete(int status) {
        var synchronizations = TransactionSynchronizationManager.getSynchronizations();
        TransactionSynchronizationManager.clearSynchronization();
        synchronizations.forEach(synchronization -> synchronization.afterCompletion(status));
    }
}
