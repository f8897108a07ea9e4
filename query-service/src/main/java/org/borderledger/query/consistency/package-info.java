/**
 * Consistency checks (POST /api/admin/consistency-checks): the read models rebuilt afresh from the whole event topic
 * into a shadow schema by the same projection code, then compared row by row with the live tables at the same position.
 */
package org.borderledger.query.consistency;
