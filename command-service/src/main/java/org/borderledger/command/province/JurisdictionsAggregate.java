package org.borderledger.command.province;

/** The identity of the aggregate that records the changes of the provinces' reference data. */
public final class JurisdictionsAggregate {

    public static final String ID = "jurisdictions";

    private JurisdictionsAggregate() {}
}
