/**
 * Land border markers, one slice (the aggregate, its commands, refusals, requests, controller and state as of a date):
 * planned, built and reported by one side, confirmed by the other, then damaged and repaired.
 */
package org.borderledger.command.marker;
