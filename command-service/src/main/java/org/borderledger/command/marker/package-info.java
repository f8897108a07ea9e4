/** Land border markers: planned, built and reported by one side, confirmed by the other, then damaged and repaired. */
package org.borderledger.command.marker;
