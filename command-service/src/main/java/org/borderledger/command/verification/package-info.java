/** Full verifications of the whole store from its first event: started, followed and cancelled as background jobs. */
package org.borderledger.command.verification;
