/** Who may read: any authenticated unit, auditor or admin; rebuilds and consistency checks need AUDITOR or ADMIN. */
package org.borderledger.query.security;
