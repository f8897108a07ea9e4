/** The published event contract: the JSON Schema of every event type and the AsyncAPI document of the topic. */
package org.borderledger.command.contract;
