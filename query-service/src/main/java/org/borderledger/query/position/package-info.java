/** Which events the read models have processed, and read-your-writes: reads that wait for a given event position. */
package org.borderledger.query.position;
