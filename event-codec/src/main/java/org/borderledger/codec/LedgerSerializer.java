package org.borderledger.codec;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.borderledger.events.EventCatalog;

/**
 * Axon's Jackson serializer, naming ledger events by their stable catalogue name ({@code MarkerCompleted}) instead of
 * the Java class. Everything else (metadata, tracking tokens, commands) keeps its class name. Payloads are plain JSON,
 * readable with SQL in the event store and by any Kafka consumer.
 */
public final class LedgerSerializer extends JacksonSerializer {

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
    protected String resolveClassName(SerializedType serializedType) {
        return EventCatalog.classOf(serializedType.getName())
                .map(Class::getName)
                .orElseGet(serializedType::getName);
    }
}
