/**
 * What replays and consistency checks share: the event topic read as a log from the start ({@link
 * org.borderledger.query.rebuild.TopicLog}, its {@link org.borderledger.query.rebuild.TopicSpan}), the offsets the
 * live projections have processed, the read model lock that lets one such job run at a time across instances, and the
 * job runner that holds it ({@link org.borderledger.query.rebuild.ReadModelJobs}).
 */
package org.borderledger.query.rebuild;
