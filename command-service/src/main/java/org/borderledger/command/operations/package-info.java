/** What an operator watches on the write side: the publisher's and the seal's lag behind the store, and its tables. */
package org.borderledger.command.operations;
