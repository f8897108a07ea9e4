/** HTTP mechanics shared by every write: idempotent submission, batches, problem details, request limits. */
package org.borderledger.command.web;
