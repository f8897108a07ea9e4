/**
 * Who may read: any authenticated unit, auditor or admin; rebuilds and consistency checks need AUDITOR or ADMIN. The
 * web console's files and settings are public (they hold no data).
 */
package org.borderledger.query.security;
