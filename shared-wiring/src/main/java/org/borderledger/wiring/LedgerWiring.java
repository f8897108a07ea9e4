package org.borderledger.wiring;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.serialization.Serializer;
import org.borderledger.codec.KafkaTopics;
import org.borderledger.codec.LedgerSerializer;
import org.borderledger.codec.RecordKeys;
import org.borderledger.codec.TokenTable;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The Axon and Kafka wiring the command service and the query service share, imported by each
 * ({@code @Import(LedgerWiring.class)}): one JSON serializer for events, messages and tokens (Axon would otherwise fall
 * back to XStream); tracking tokens in the service's own database (the Kafka extension would otherwise keep them in
 * Kafka), so a token commits with what its batch wrote; the keys that sign and verify records; the event topic,
 * created before any processor starts (a Kafka-sourced processor started before its topic exists backs off for
 * seconds), with its retention checked; and the broker's health.
 */
@Configuration(proxyBeanMethods = false)
public class LedgerWiring {

    @Bean
    @Primary
    Serializer serializer() {
        return LedgerSerializer.create();
    }

    /**
     * Tokens in the service's database. Several instances sharing it claim each processor's token (or segment) there:
     * one instance processes it, and a claim its owner stopped extending (the owner died) is free for another instance
     * after {@code ledger.tokens.claim-timeout}. The node id names the instance in {@code token_entry.owner} (default:
     * the JVM's {@code pid@host}). Only the holder of a claim extends it or stores under it ({@link OwnClaimTokenStore}).
     */
    @Bean
    TokenStore tokenStore(
            ConnectionProvider connectionProvider,
            Serializer serializer,
            @Value("${ledger.tokens.claim-timeout:10s}") Duration claimTimeout,
            @Value("${ledger.tokens.node-id:}") String nodeId) {
        String node = nodeId.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : nodeId;
        JdbcTokenStore.Builder tokens = JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .schema(TokenTable.SCHEMA)
                .serializer(serializer)
                .claimTimeout(claimTimeout)
                .nodeId(node);
        return new OwnClaimTokenStore(tokens, TokenTable.SCHEMA, node);
    }

    /** The keys that sign and verify every record ({@code ledger.records.keys}); no service starts without one. */
    @Bean
    RecordKeys recordKeys(
            @Value("${ledger.records.keys:}") String keys,
            @Value("${ledger.records.signing-key-id:}") String signingKeyId) {
        return RecordKeys.parse(keys, signingKeyId);
    }

    @Bean
    KafkaTopics kafkaTopics(@Value("${axon.kafka.bootstrap-servers}") String bootstrapServers) {
        return new KafkaTopics(bootstrapServers);
    }

    /**
     * Creates the topic while the context refreshes, before any processor starts, and refuses to start on a topic that
     * deletes or compacts records unless told to warn only ({@code ledger.kafka.retention-check=warn}).
     */
    @Bean
    InitializingBean eventTopic(
            KafkaTopics topics,
            @Value("${axon.kafka.default-topic}") String topic,
            @Value("${ledger.kafka.partitions}") int partitions,
            @Value("${ledger.kafka.replication-factor}") short replicationFactor,
            @Value("${ledger.kafka.retention-check:refuse}") String retention) {
        KafkaTopics.RetentionPolicy policy = KafkaTopics.RetentionPolicy.of(retention);
        return () -> topics.ensure(topic, partitions, replicationFactor, Duration.ofSeconds(10), policy);
    }

    @Bean
    HealthIndicator kafka(KafkaTopics topics) {
        return () -> topics.reachable(Duration.ofSeconds(2))
                ? Health.up().build()
                : Health.down()
                        .withDetail("reason", "Kafka broker not reachable")
                        .build();
    }
}
