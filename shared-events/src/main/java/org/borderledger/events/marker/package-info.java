/** Facts about land border markers: planning, completion reported by one side, confirmation by the other. */
package org.borderledger.events.marker;
