package org.borderledger.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The committed schemas under {@code contract/schemas} are what the records generate. A record that changes without its
 * schema fails here; {@code -Dcontract.regenerate=true} writes the schemas of the current records (review the diff, and
 * change an event's shape only as a new revision, see docs/event-contract.md, "Revision policy").
 */
class EventSchemasTest {

    static final Path SCHEMAS = Path.of("..", "contract", "schemas");

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Test
    void everyEventsCommittedSchemaIsTheSchemaItsRecordGenerates() throws IOException {
        boolean regenerate = Boolean.getBoolean("contract.regenerate");
        for (Class<? extends Record> event : EventCatalog.EVENTS) {
            String generated = JSON.writeValueAsString(EventSchemas.schemaOf(event)) + "\n";
            Path file = SCHEMAS.resolve(EventSchemas.fileName(event));
            if (regenerate) {
                Files.createDirectories(SCHEMAS);
                Files.writeString(file, generated, StandardCharsets.UTF_8);
            }
            assertThat(file)
                    .as(
                            "%s has no committed schema; run this test with -Dcontract.regenerate=true",
                            event.getSimpleName())
                    .exists();
            assertThat(Files.readString(file, StandardCharsets.UTF_8))
                    .as(
                            "%s does not match its record %s; a changed record needs a new @Revision and an upcaster,"
                                    + " then -Dcontract.regenerate=true",
                            file, event.getSimpleName())
                    .isEqualTo(generated);
        }
    }

    @Test
    void theSchemaOfEveryEarlierRevisionStaysCommitted() {
        for (Class<? extends Record> event : EventCatalog.EVENTS) {
            org.axonframework.serialization.Revision revision =
                    event.getAnnotation(org.axonframework.serialization.Revision.class);
            if (revision != null && revision.value().matches("[0-9]+")) {
                String name = EventCatalog.nameOf(event).orElseThrow();
                assertThat(SCHEMAS.resolve(name + ".json"))
                        .as("records of revision 1 of %s still name its schema", name)
                        .exists();
                for (int earlier = 2; earlier < Integer.parseInt(revision.value()); earlier++) {
                    assertThat(SCHEMAS.resolve(name + ".r" + earlier + ".json")).exists();
                }
            }
        }
    }

    @Test
    void everyCommittedSchemaBelongsToAnEventOfTheCatalogue() throws IOException {
        Set<String> types = EventCatalog.EVENTS.stream()
                .map(type -> EventCatalog.nameOf(type).orElseThrow())
                .collect(Collectors.toSet());
        List<String> files;
        try (Stream<Path> listing = Files.list(SCHEMAS)) {
            files = listing.filter(Files::isRegularFile)
                    .map(path -> path.getFileName().toString())
                    .toList();
        }
        assertThat(files).isNotEmpty().allSatisfy(file -> assertThat(file)
                .matches("[A-Za-z]+(\\.r[0-9A-Za-z-]+)?\\.json")
                .satisfies(name -> assertThat(types).contains(name.substring(0, name.indexOf('.')))));
    }
}
