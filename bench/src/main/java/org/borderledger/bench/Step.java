package org.borderledger.bench;

import org.borderledger.security.LedgerPrincipal;

/**
 * One fact of a generated history: the event the aggregate appends, its aggregate and sequence, and the unit that
 * submits it. The load generator sends it as the HTTP write that causes it; the replay producer writes the event.
 */
record Step(String aggregateType, String aggregateId, long sequence, Object event, LedgerPrincipal submitter) {}
