/** Bilateral cooperation agreements between two border provinces: signature, reviews, amendments, termination. */
package org.borderledger.command.agreement;
