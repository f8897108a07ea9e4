package org.borderledger.events.agreement;

/** A person who signed an agreement for one province. */
public record Signatory(String name, String title, String province) {}
