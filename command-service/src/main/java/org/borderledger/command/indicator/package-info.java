/** Cooperation figures reported by a province (trade in USD, visitors in persons) and their corrections. */
package org.borderledger.command.indicator;
