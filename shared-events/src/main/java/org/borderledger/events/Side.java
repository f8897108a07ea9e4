package org.borderledger.events;

/** The two countries of the border; every unit and every province belongs to exactly one side. */
public enum Side {
    VN,
    KH;

    public Side other() {
        return this == VN ? KH : VN;
    }
}
