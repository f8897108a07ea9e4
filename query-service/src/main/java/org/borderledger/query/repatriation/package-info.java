/** The remains repatriation read model: each search case with its totals and its recovery and repatriation lines. */
package org.borderledger.query.repatriation;
