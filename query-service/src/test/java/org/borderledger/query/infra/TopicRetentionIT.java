package org.borderledger.query.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.borderledger.codec.KafkaTopics;
import org.borderledger.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;

/** The event topic keeps every record: created so, and an existing topic that would lose records is refused. */
class TopicRetentionIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String bootstrap = TestInfrastructure.get().kafkaBootstrap();
    private final KafkaTopics topics = new KafkaTopics(bootstrap);

    @Test
    void createsTheTopicKeepingEveryRecord() throws Exception {
        String topic = "retention-new-" + UUID.randomUUID();

        assertThat(topics.ensure(topic, 3, (short) 1, TIMEOUT, KafkaTopics.RetentionPolicy.REFUSE))
                .isTrue();

        try (Admin admin = admin()) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            var config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            assertThat(config.get(TopicConfig.RETENTION_MS_CONFIG).value()).isEqualTo("-1");
            assertThat(config.get(TopicConfig.RETENTION_BYTES_CONFIG).value()).isEqualTo("-1");
            assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo("delete");
        }
        assertThat(topics.retentionProblem(topic, TIMEOUT)).isEmpty();
    }

    @Test
    void refusesAnExistingTopicWithAWeekOfRetentionOrCompactionUnlessToldToWarn() throws Exception {
        String week = "retention-week-" + UUID.randomUUID();
        String compacted = "retention-compacted-" + UUID.randomUUID();
        try (Admin admin = admin()) {
            admin.createTopics(List.of(
                            new NewTopic(week, 1, (short) 1)
                                    .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "604800000")),
                            new NewTopic(compacted, 1, (short) 1)
                                    .configs(Map.of(
                                            TopicConfig.RETENTION_MS_CONFIG,
                                            "-1",
                                            TopicConfig.CLEANUP_POLICY_CONFIG,
                                            TopicConfig.CLEANUP_POLICY_COMPACT))))
                    .all()
                    .get();
        }

        assertThatThrownBy(() -> topics.ensure(week, 1, (short) 1, TIMEOUT, KafkaTopics.RetentionPolicy.REFUSE))
                .isInstanceOf(KafkaTopics.TopicLosesRecords.class)
                .hasMessageContaining("retention.ms=604800000")
                .hasMessageContaining("kafka-configs.sh");
        assertThatThrownBy(() -> topics.ensure(compacted, 1, (short) 1, TIMEOUT, KafkaTopics.RetentionPolicy.REFUSE))
                .isInstanceOf(KafkaTopics.TopicLosesRecords.class)
                .hasMessageContaining("cleanup.policy=compact");
        assertThat(topics.ensure(week, 1, (short) 1, TIMEOUT, KafkaTopics.RetentionPolicy.WARN))
                .isTrue();
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }
}
