package org.borderledger.query.position;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxWait how long a read with {@code minPosition} waits at most for that event before answering 503
 * @param pollInterval how often a waiting read looks again when no local commit wakes it (the event may be processed by
 *     another instance sharing the database)
 * @param maxWaiting how many reads may wait for a position at once; each holds a request thread while it waits, so
 *     this stays well below the server's thread count ({@code server.tomcat.threads.max}, 200), and a read beyond it
 *     is answered 503 at once
 * @param maxWaitingPerSubject how many of those one token subject may hold (more of its reads are answered 429 at once),
 *     so that one token cannot take every waiting slot; by default a quarter of {@code maxWaiting}
 */
@ConfigurationProperties("ledger.read")
record ReadProperties(
        @DefaultValue("5s") Duration maxWait,
        @DefaultValue("100ms") Duration pollInterval,
        @DefaultValue("100") int maxWaiting,
        @DefaultValue("25") int maxWaitingPerSubject) {}
