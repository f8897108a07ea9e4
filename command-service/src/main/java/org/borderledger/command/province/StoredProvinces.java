package org.borderledger.command.province;

import java.time.Duration;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.borderledger.events.ProvinceRegister;
import org.borderledger.events.jurisdiction.JurisdictionChangeApproved;
import org.springframework.stereotype.Component;

/**
 * The effective provinces read from the store: the bundled register with the approved changes of the
 * {@value #AGGREGATE_ID} aggregate applied in their order. A read is kept for {@link #FRESHNESS}, so that commands do not
 * each read the store; this instance reads again at once after it records an approval, another instance within that
 * time.
 */
@Component
class StoredProvinces implements EffectiveProvinces {

    /** The one aggregate that holds the changes of the reference data. */
    static final String AGGREGATE_ID = JurisdictionsAggregate.ID;

    static final Duration FRESHNESS = Duration.ofSeconds(2);

    private record Read(ProvinceRegister register, long readAtNanos) {}

    private final EventStore store;
    private volatile Read last;

    StoredProvinces(EventStore store) {
        this.store = store;
    }

    @Override
    public ProvinceRegister current() {
        Read read = last;
        if (read == null || System.nanoTime() - read.readAtNanos() > FRESHNESS.toNanos()) {
            read = new Read(fold(store.readEvents(AGGREGATE_ID)), System.nanoTime());
            last = read;
        }
        return read.register();
    }

    @Override
    public void changed() {
        last = null;
    }

    static ProvinceRegister fold(DomainEventStream events) {
        ProvinceRegister register = ProvinceRegister.bundled();
        while (events.hasNext()) {
            if (events.next().getPayload() instanceof JurisdictionChangeApproved approved) {
                register = register.with(approved.entries());
            }
        }
        return register;
    }
}
