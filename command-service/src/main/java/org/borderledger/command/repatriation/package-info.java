/** Remains repatriation cases: a search season in one province, the remains recovered and those handed over home. */
package org.borderledger.command.repatriation;
