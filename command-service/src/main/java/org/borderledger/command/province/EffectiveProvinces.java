package org.borderledger.command.province;

import org.borderledger.events.ProvinceRegister;

/**
 * The provinces' reference data in effect: the bundled register with every approved change applied. Aggregates take it
 * as a parameter of their command handlers.
 */
@FunctionalInterface
public interface EffectiveProvinces {

    ProvinceRegister current();

    /** Told after this instance recorded an approved change, so that the next read sees it. */
    default void changed() {}
}
