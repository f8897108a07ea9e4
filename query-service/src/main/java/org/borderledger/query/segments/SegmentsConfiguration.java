package org.borderledger.query.segments;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.borderledger.query.infra.PartitionStreams;
import org.borderledger.query.rebuild.ProcessedOffsetRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SegmentsConfiguration {

    /**
     * A message goes to the segment of its partition: segment {@code p} reads partition {@code p}, and Axon hands a
     * message to the segment that matches its sequence identifier's hash, which for the number {@code p} is segment
     * {@code p}. (One partition per segment keeps every aggregate's events in one segment, in order.)
     */
    static final SequencingPolicy<EventMessage<?>> BY_PARTITION =
            event -> event.getMetaData().get(PartitionStreams.PARTITION);

    @Bean
    ConfigurerModule projectionsSequencedByPartition() {
        return configurer -> configurer
                .eventProcessing()
                .registerSequencingPolicy(ProcessedOffsetRepository.PROCESSOR, c -> BY_PARTITION);
    }
}
