package org.borderledger.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.Revision;
import org.borderledger.events.EventCatalog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** {@code contract/asyncapi.yaml} describes every event type of the catalogue and every header the writer writes. */
class AsyncApiDocumentTest {

    static final Path CONTRACT = Path.of("..", "contract");

    private static Map<String, Object> document;

    @BeforeAll
    static void read() throws IOException {
        try (Reader reader = Files.newBufferedReader(CONTRACT.resolve("asyncapi.yaml"), StandardCharsets.UTF_8)) {
            document = new Yaml().load(reader);
        }
    }

    @Test
    void isAnAsyncApi3DocumentOfTheEventTopic() {
        assertThat(document.get("asyncapi").toString()).startsWith("3.");
        assertThat(at("channels", "ledgerEvents", "address")).isEqualTo("ledger.events");
        assertThat(at("operations", "consumeLedgerEvents", "action")).isEqualTo("receive");
    }

    @Test
    void theChannelTheOperationAndTheComponentsListEveryEventTypeOfTheCatalogue() {
        Set<String> catalogue = EventCatalog.EVENTS.stream()
                .map(type -> EventCatalog.nameOf(type).orElseThrow())
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(map(at("channels", "ledgerEvents", "messages")).keySet())
                .containsExactlyInAnyOrderElementsOf(catalogue);
        assertThat(map(at("components", "messages")).keySet()).containsExactlyInAnyOrderElementsOf(catalogue);
        List<?> operationMessages = (List<?>) at("operations", "consumeLedgerEvents", "messages");
        assertThat(operationMessages.stream().map(ref -> map(ref).get("$ref")))
                .containsExactlyInAnyOrderElementsOf(catalogue.stream()
                        .map(name -> "#/channels/ledgerEvents/messages/" + name)
                        .toList());
    }

    @Test
    void everyMessageRefersToTheCommittedSchemaOfItsCurrentRevision() {
        for (Class<? extends Record> event : EventCatalog.EVENTS) {
            String name = EventCatalog.nameOf(event).orElseThrow();
            Revision revision = event.getAnnotation(Revision.class);
            String file = LedgerCloudEvents.schemaFile(name, revision == null ? null : revision.value());

            assertThat(at("components", "messages", name, "payload", "schema", "$ref"))
                    .as(name)
                    .isEqualTo("./schemas/" + file);
            assertThat(CONTRACT.resolve("schemas").resolve(file)).exists();
        }
    }

    @Test
    void declaresEveryHeaderTheWriterWritesAndRequiresOnlyHeadersEveryRecordHas() {
        Map<String, Object> headers = map(at("components", "schemas", "ledgerHeaders"));
        Set<String> declared = map(headers.get("properties")).keySet();
        List<?> required = (List<?>) headers.get("required");
        LedgerCloudEvents writer = new LedgerCloudEvents(
                LedgerSerializer.create(), LedgerCloudEvents.SOURCE, ContractExamplesTest.EXAMPLE_KEYS);

        long position = 1;
        for (DomainEventMessage<?> event : ContractExamplesTest.stored()) {
            DomainEventMessage<?> traced = event.andMetaData(Map.of(
                    "traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "tracestate", "l=1"));
            ProducerRecord<String, byte[]> record = writer.createKafkaMessage(traced, "ledger.events", position++);
            Set<String> written = new TreeSet<>();
            for (Header header : record.headers()) {
                written.add(header.key());
            }
            assertThat(declared).containsAll(written);
            assertThat(written)
                    .containsAll(required.stream().map(Object::toString).toList());
        }
    }

    private static Object at(String... path) {
        Object node = document;
        for (String key : path) {
            node = map(node).get(key);
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        return (Map<String, Object>) node;
    }
}
