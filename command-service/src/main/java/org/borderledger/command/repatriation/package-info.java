/**
 * Remains repatriation cases, one slice (the aggregate, its commands, refusals, requests, controller and state as of a
 * date): a search season in one province, the remains recovered and those handed over home.
 */
package org.borderledger.command.repatriation;
