/**
 * Bilateral cooperation agreements between two border provinces, one slice (the aggregate, its commands, refusals,
 * requests, controller and state as of a date): signature, reviews, amendments, termination.
 */
package org.borderledger.command.agreement;
