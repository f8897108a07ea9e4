/** The one lifecycle of the services' background jobs: start, heartbeat, one at a time, abandoned, interrupted. */
package org.borderledger.operations.jobs;
