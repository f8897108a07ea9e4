/** Facts about reported cooperation figures (trade, visitors) and their corrections. */
package org.borderledger.events.indicator;
