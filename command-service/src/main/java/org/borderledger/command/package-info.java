/** The write side: units submit facts over HTTP; aggregates check the rules; the event store keeps every fact. */
package org.borderledger.command;
