/** What the projections of every read model share: the statements that keep a view in step with its aggregate. */
package org.borderledger.query.readmodel;
