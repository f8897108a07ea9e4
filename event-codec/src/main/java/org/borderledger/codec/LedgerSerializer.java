package org.borderledger.codec;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.MergedTrackingToken;
import org.axonframework.eventhandling.MultiSourceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.tokenstore.ConfigToken;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.KafkaTrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.borderledger.events.EventCatalog;

/**
 * Axon's Jackson serializer, naming ledger events by their stable catalogue name ({@code MarkerCompleted}) instead of
 * the Java class. Types resolve through {@link EventCatalog} and a short list of Axon's own types (metadata and tracking
 * tokens) only: any other name, from the store or the topic, loads no class and reads as Axon's
 * {@link UnknownSerializedType}. Payloads are plain JSON, readable with SQL in the event store and by any Kafka consumer.
 */
public final class LedgerSerializer extends JacksonSerializer {

    /** The types besides events this serializer writes and reads: metadata, and the tokens in {@code token_entry}. */
    static final Set<String> INFRASTRUCTURE = Stream.of(
                    MetaData.class,
                    GlobalSequenceTrackingToken.class,
                    GapAwareTrackingToken.class,
                    ReplayToken.class,
                    MergedTrackingToken.class,
                    MultiSourceTrackingToken.class,
                    ConfigToken.class,
                    KafkaTrackingToken.class)
            .map(Class::getName)
            .collect(Collectors.toUnmodifiableSet());

    private LedgerSerializer(Builder builder) {
        super(builder);
    }

    public static LedgerSerializer create() {
        Builder builder = new Builder() {
            @Override
            public LedgerSerializer build() {
                return new LedgerSerializer(this);
            }
        };
        return (LedgerSerializer) builder.objectMapper(objectMapper()).build();
    }

    /** The mapper for event JSON: ISO dates, and tolerant of fields it does not know, so a stored event always loads. */
    public static ObjectMapper objectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    @Override
    public SerializedType typeForClass(Class type) {
        SerializedType byClass = super.typeForClass(type);
        return EventCatalog.nameOf(type)
                .<SerializedType>map(name -> new SimpleSerializedType(name, byClass.getRevision()))
                .orElse(byClass);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        if (SimpleSerializedType.emptyType().equals(type)) {
            return Void.class;
        }
        Optional<Class<? extends Record>> event = EventCatalog.classOf(type.getName());
        if (event.isPresent()) {
            return event.get();
        }
        return INFRASTRUCTURE.contains(type.getName()) ? super.classForType(type) : UnknownSerializedType.class;
    }
}
