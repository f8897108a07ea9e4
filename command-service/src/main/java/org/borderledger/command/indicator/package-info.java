/**
 * Cooperation figures reported by a province (trade in USD, visitors in persons) and their corrections, one slice (the
 * aggregate, its commands, refusals, requests, controller and state as of a date).
 */
package org.borderledger.command.indicator;
