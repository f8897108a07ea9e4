/** Who may call what on the write side: units write, auditors read the audit trail, nobody else does either. */
package org.borderledger.command.security;
