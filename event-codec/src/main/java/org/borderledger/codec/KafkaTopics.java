package org.borderledger.codec;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the event topic with its declared partition count before anything produces to it or subscribes to it (a
 * consumer that starts before its topic exists backs off for seconds), and tells whether the broker answers.
 */
public final class KafkaTopics {

    private static final Logger log = LoggerFactory.getLogger(KafkaTopics.class);

    private final String bootstrapServers;

    public KafkaTopics(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Creates {@code topic} unless it exists. A broker that does not answer within {@code timeout} is logged, not
     * fatal: the service starts, commands are accepted, and publishing resumes once the broker is back.
     *
     * @return whether the topic exists now
     */
    public boolean ensure(String topic, int partitions, short replicationFactor, Duration timeout) {
        try (Admin admin = admin(timeout)) {
            Set<String> existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!existing.contains(topic)) {
                admin.createTopics(List.of(new NewTopic(topic, partitions, replicationFactor)))
                        .all()
                        .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                log.info("Created Kafka topic {} with {} partitions", topic, partitions);
            }
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return true;
            }
            log.warn(
                    "Could not create Kafka topic {} on {}: {}",
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
