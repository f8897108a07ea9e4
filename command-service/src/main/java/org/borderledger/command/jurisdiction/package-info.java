/**
 * Changes of the provinces' reference data, one slice (the aggregate, its commands, refusals, requests and controller):
 * an admin of one side proposes, an admin of the other side approves, and only then the change is in effect. The
 * bundled register is the state before any change; {@code GET /api/jurisdictions} answers the effective data.
 */
package org.borderledger.command.jurisdiction;
