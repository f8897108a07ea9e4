/** What an operator watches on the read side: how far the projections are behind the event topic. */
package org.borderledger.query.operations;
