/** The read side: Kafka-sourced projections keep disposable read models that answer every query. */
package org.borderledger.query;
