package org.borderledger.codec;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the event topic with its declared partition count and unlimited retention before anything produces to it or
 * subscribes to it (a consumer that starts before its topic exists backs off for seconds), checks that an existing
 * topic keeps every record, and tells whether the broker answers. The topic is the read side's history: a rebuild
 * replays it from the first offset, so a topic that deletes or compacts records rebuilds read models that lack them.
 */
public final class KafkaTopics {

    private static final Logger log = LoggerFactory.getLogger(KafkaTopics.class);

    /** The settings under which a topic keeps every record for ever. */
    public static final Map<String, String> KEEP_EVERYTHING = Map.of(
            TopicConfig.RETENTION_MS_CONFIG, "-1",
            TopicConfig.RETENTION_BYTES_CONFIG, "-1",
            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE);

    /** What a service does when the topic exists and may lose records. */
    public enum RetentionPolicy {
        /** Fail the start, naming the setting to change. */
        REFUSE,
        /** Start, and log the finding as an error. */
        WARN;

        /** {@code refuse} or {@code warn}, in any case. */
        public static RetentionPolicy of(String name) {
            try {
                return valueOf(name.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("The retention check is 'refuse' or 'warn', not '" + name + "'", e);
            }
        }
    }

    /** The topic exists with settings under which it loses records, and the service was told to refuse that. */
    public static final class TopicLosesRecords extends IllegalStateException {
        TopicLosesRecords(String message) {
            super(message);
        }
    }

    private final String bootstrapServers;

    public KafkaTopics(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Creates {@code topic} unless it exists, and checks an existing topic's retention. A broker that does not answer
     * within {@code timeout} is logged, not fatal: the service starts, commands are accepted, and publishing resumes
     * once the broker is back.
     *
     * @return whether the topic exists now
     * @throws TopicLosesRecords when the topic exists with a finite retention or compaction and {@code policy} is
     *     REFUSE
     */
    public boolean ensure(
            String topic, int partitions, short replicationFactor, Duration timeout, RetentionPolicy policy) {
        try (Admin admin = admin(timeout)) {
            Set<String> existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!existing.contains(topic)) {
                try {
                    admin.createTopics(List.of(
                                    new NewTopic(topic, partitions, replicationFactor).configs(KEEP_EVERYTHING)))
                            .all()
                            .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                    log.info("Created Kafka topic {} with {} partitions, keeping every record", topic, partitions);
                    return true;
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            lossOf(admin, topic, timeout).ifPresent(loss -> {
                String message = "Kafka topic " + topic + " loses records (" + loss + "): a rebuild of the read models"
                        + " from it would miss them. Set retention.ms=-1, retention.bytes=-1 and cleanup.policy=delete"
                        + " on the topic (kafka-configs.sh --alter --entity-type topics --entity-name " + topic
                        + " --add-config retention.ms=-1,retention.bytes=-1,cleanup.policy=delete), or set"
                        + " LEDGER_KAFKA_RETENTION_CHECK=warn to start anyway";
                if (policy == RetentionPolicy.REFUSE) {
                    throw new TopicLosesRecords(message);
                }
                log.error("{}", message);
            });
            return true;
        } catch (ExecutionException e) {
            log.warn(
                    "Could not create or check Kafka topic {} on {}: {}",
                    topic,
                    bootstrapServers,
                    e.getCause().toString());
            return false;
        } catch (TimeoutException e) {
            log.warn(
                    "Kafka broker {} did not answer within {}; topic {} not checked", bootstrapServers, timeout, topic);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Why the existing {@code topic} may lose records, or empty when it keeps every record. */
    public Optional<String> retentionProblem(String topic, Duration timeout)
            throws ExecutionException, TimeoutException, InterruptedException {
        try (Admin admin = admin(timeout)) {
            return lossOf(admin, topic, timeout);
        }
    }

    private static Optional<String> lossOf(Admin admin, String topic, Duration timeout)
            throws ExecutionException, TimeoutException, InterruptedException {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = admin.describeConfigs(List.of(resource))
                .all()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .get(resource);
        StringBuilder loss = new StringBuilder();
        String retentionMs = value(config, TopicConfig.RETENTION_MS_CONFIG);
        if (retentionMs != null && Long.parseLong(retentionMs) >= 0) {
            loss.append("retention.ms=").append(retentionMs);
        }
        String retentionBytes = value(config, TopicConfig.RETENTION_BYTES_CONFIG);
        if (retentionBytes != null && Long.parseLong(retentionBytes) >= 0) {
            loss.append(loss.isEmpty() ? "" : ", ").append("retention.bytes=").append(retentionBytes);
        }
        String cleanup = value(config, TopicConfig.CLEANUP_POLICY_CONFIG);
        if (cleanup != null && cleanup.contains(TopicConfig.CLEANUP_POLICY_COMPACT)) {
            loss.append(loss.isEmpty() ? "" : ", ").append("cleanup.policy=").append(cleanup);
        }
        return loss.isEmpty() ? Optional.empty() : Optional.of(loss.toString());
    }

    private static String value(Config config, String name) {
        ConfigEntry entry = config == null ? null : config.get(name);
        return entry == null ? null : entry.value();
    }

    /** Whether the broker answers a cluster description within {@code timeout}. */
    public boolean reachable(Duration timeout) {
        try (Admin admin = admin(timeout)) {
            admin.describeCluster().clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Admin admin(Duration timeout) {
        int millis = (int) timeout.toMillis();
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000));
    }
}
