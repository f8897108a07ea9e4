/**
 * Dead letters: records of the event topic that could not be decoded, authenticated or applied, parked with the reason
 * while every other aggregate keeps flowing, and the admin API that lists, retries and discards them.
 */
package org.borderledger.query.deadletter;
