/**
 * The projections as one segment per partition of the event topic: the layout in the token table, and the sharing of
 * the segments between the query-service instances of one read-model database.
 */
package org.borderledger.query.segments;
