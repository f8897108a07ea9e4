/** The local run: an in-process KRaft broker and both services in one JVM, keeping everything under a data dir. */
package org.borderledger.local;
