/**
 * The fact lines read model: every recorded event with its business date, the amount it adds to a figure, who
 * submitted it and when, read as an aggregate's timeline by any authenticated role.
 */
package org.borderledger.query.fact;
