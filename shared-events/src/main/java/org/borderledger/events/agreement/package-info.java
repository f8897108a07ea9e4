/** Facts about bilateral cooperation agreements: signature, periodic reviews, amendments, termination. */
package org.borderledger.events.agreement;
