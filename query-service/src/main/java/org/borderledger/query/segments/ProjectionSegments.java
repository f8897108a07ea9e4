package org.borderledger.query.segments;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.borderledger.query.infra.PartitionStreams;
import org.borderledger.query.rebuild.ProcessedOffsetRepository;
import org.borderledger.query.rebuild.TopicLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.DependsOn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Lays out the {@code projections} processor's segments in the token table: one segment per partition of the event
 * topic, segment {@code p} with a token that names partition {@code p} alone, so its stream reads that partition only
 * ({@link PartitionStreams}) and the instances sharing the read-model database divide the partitions by claiming
 * segments. The layout is made before any processor starts, under a database lock (instances starting together make it
 * once); a partition added to the topic gets its segment at the next start or balancing round. Tokens of an earlier
 * layout (one segment reading every partition) are converted, each partition keeping the offset every old token has
 * passed, when no other live instance holds them.
 */
@Component
@DependsOn("eventTopic")
public class ProjectionSegments implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(ProjectionSegments.class);
    private static final String PROCESSOR = ProcessedOffsetRepository.PROCESSOR;

    private final TokenStore tokenStore;
    private final ProcessedOffsetRepository offsets;
    private final TopicLog topicLog;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final SegmentProperties properties;
    private final String topic;

    ProjectionSegments(
            TokenStore tokenStore,
            ProcessedOffsetRepository offsets,
            TopicLog topicLog,
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            Clock clock,
            SegmentProperties properties) {
        this.tokenStore = tokenStore;
        this.offsets = offsets;
        this.topicLog = topicLog;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.properties = properties;
        this.topic = properties.topic();
    }

    @Override
    public void afterPropertiesSet() {
        int laidOut = ensure();
        if (laidOut > properties.threads()) {
            log.warn(
                    "The projections have {} segments (one per partition) but {} threads: this instance alone"
                            + " processes only {} partitions. Set LEDGER_PROJECTION_THREADS to at least {}",
                    laidOut,
                    properties.threads(),
                    properties.threads(),
                    laidOut);
        }
    }

    /**
     * Rewinds every segment to the first record of its partitions, as a replay (Axon's {@code ReplayToken}, so the
     * handlers know they replay until the segment passes where it was), in the caller's transaction. The segments are
     * claimed for this instance first: another instance processing one finds its claim gone when it commits its batch,
     * rolls that batch back and lets the segment go; the balancing shares the segments out again once the replay runs.
     * The start token of each segment names its partitions (at offset -1): the processor opens a replaying segment's
     * stream with that token, and a token naming no partition would have the stream read every partition.
     */
    public void rewind() {
        jdbc.sql("UPDATE token_entry SET owner = :node, time_stamp = :now WHERE processor_name = :p")
                .param("node", properties.node())
                .param("now", clock.instant().toString())
                .param("p", PROCESSOR)
                .update();
        for (int segment : tokenStore.fetchSegments(PROCESSOR)) {
            TrackingToken current = tokenStore.fetchToken(PROCESSOR, segment);
            Map<Integer, Long> start = new HashMap<>();
            PartitionStreams.partitionsOf(current, topic).forEach(partition -> start.put(partition, -1L));
            tokenStore.storeToken(
                    ReplayToken.createReplayToken(current, PartitionStreams.tokenFor(topic, start)),
                    PROCESSOR,
                    segment);
        }
    }

    /** Makes (or completes) the layout for the topic's partitions; the number of segments after it. */
    public int ensure() {
        int partitions = partitions();
        return transaction.execute(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('ledger.projection-segments'))")
                    .query()
                    .singleValue();
            Map<Integer, TrackingToken> tokens = offsets.tokens();
            int[] segments = tokenStore.fetchSegments(PROCESSOR);
            if (segments.length > 0 && !perPartition(segments, tokens)) {
                return convert(segments, tokens, partitions) ? partitions : segments.length;
            }
            Set<Integer> present = new TreeSet<>();
            for (int segment : segments) {
                present.add(segment);
            }
            for (int partition = 0; partition < partitions; partition++) {
                if (!present.contains(partition)) {
                    tokenStore.initializeSegment(
                            PartitionStreams.tokenFor(topic, Map.of(partition, -1L)), PROCESSOR, partition);
                    if (!present.isEmpty()) {
                        log.info(
                                "Partition {} of {} is new: its projections segment starts at its first record",
                                partition,
                                topic);
                    }
                }
            }
            return Math.max(partitions, present.size());
        });
    }

    /** The topic's partitions as the broker tells them, or as configured while it does not answer. */
    int partitions() {
        try {
            int partitions = topicLog.span().partitions().size();
            return partitions > 0 ? partitions : properties.partitions();
        } catch (RuntimeException e) {
            log.warn(
                    "The broker did not say how many partitions {} has ({}); laying out {} segments as configured",
                    topic,
                    e.toString(),
                    properties.partitions());
            return properties.partitions();
        }
    }

    /** Segments 0..n-1, segment {@code s} reading partition {@code s} alone. */
    private boolean perPartition(int[] segments, Map<Integer, TrackingToken> tokens) {
        for (int segment : segments) {
            TrackingToken token = tokens.get(segment);
            if (token == null || !PartitionStreams.partitionsOf(token, topic).equals(Set.of(segment))) {
                return false;
            }
        }
        return true;
    }

    private boolean convert(int[] segments, Map<Integer, TrackingToken> tokens, int partitions) {
        List<Claim> claims = jdbc.sql("SELECT segment, owner, time_stamp FROM token_entry WHERE processor_name = :p")
                .param("p", PROCESSOR)
                .query((rs, row) -> new Claim(rs.getInt("segment"), rs.getString("owner"), rs.getString("time_stamp")))
                .list();
        Instant stale = clock.instant().minus(properties.claimTimeout());
        for (Claim claim : claims) {
            if (claim.owner() != null
                    && !claim.owner().equals(properties.node())
                    && (claim.since() == null || Instant.parse(claim.since()).isAfter(stale))) {
                log.warn(
                        "The projections' {} segments are held by {}, which reads every partition in each;"
                                + " they are laid out per partition once no other instance holds them",
                        segments.length,
                        claim.owner());
                return false;
            }
        }
        Map<Integer, Long> reached = new HashMap<>();
        boolean first = true;
        for (int segment : segments) {
            TrackingToken token = tokens.get(segment);
            Map<Integer, Long> read =
                    token == null ? Map.of() : PartitionStreams.offsetsOf(WrappedToken.unwrapLowerBound(token), topic);
            if (first) {
                reached.putAll(read);
                first = false;
            } else {
                reached.keySet().retainAll(read.keySet());
                reached.replaceAll((partition, offset) -> Math.min(offset, read.get(partition)));
            }
        }
        jdbc.sql("DELETE FROM token_entry WHERE processor_name = :p")
                .param("p", PROCESSOR)
                .update();
        for (int partition = 0; partition < partitions; partition++) {
            tokenStore.initializeSegment(
                    PartitionStreams.tokenFor(topic, Map.of(partition, reached.getOrDefault(partition, -1L))),
                    PROCESSOR,
                    partition);
        }
        log.info(
                "The projections' {} segments reading every partition are now {}, one per partition, at {}",
                segments.length,
                partitions,
                reached);
        return true;
    }

    private record Claim(int segment, String owner, String since) {}
}
