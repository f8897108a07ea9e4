/**
 * The provinces as every slice sees them: the effective reference data (the bundled register with the approved changes
 * recorded in the store) and the rules of jurisdiction over time that the aggregates apply: a unit acts for its own
 * province while it exists, and for the provinces its province continues; a fact names provinces that exist on its
 * date.
 */
package org.borderledger.command.province;
