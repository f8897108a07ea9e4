/**
 * What the projections of every read model write with: the statements that keep a view in step with its aggregate
 * ({@link org.borderledger.query.readmodel.SequencedView}, their values as a {@link org.borderledger.query.readmodel.Row})
 * and the writer that sends a processor batch's statements as JDBC batches, each row's changes in the order of their
 * events ({@link org.borderledger.query.readmodel.ReadModelWrites}).
 */
package org.borderledger.query.readmodel;
