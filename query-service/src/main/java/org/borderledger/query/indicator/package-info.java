/** The indicators read model: reported trade and visitor figures at their current value, with superseded values. */
package org.borderledger.query.indicator;
