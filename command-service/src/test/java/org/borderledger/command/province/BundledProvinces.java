package org.borderledger.command.province;

import org.borderledger.events.ProvinceRegister;

/** The bundled reference data as the effective one, for aggregate fixtures. */
public final class BundledProvinces {

    public static final EffectiveProvinces EFFECTIVE = ProvinceRegister::bundled;

    private BundledProvinces() {}
}
