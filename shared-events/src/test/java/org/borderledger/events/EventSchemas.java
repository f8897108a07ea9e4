package org.borderledger.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * Generates the JSON Schema (draft 2020-12) of an event's JSON as the ledger's serializer writes it: every record
 * component is a property and always present ({@code null} where the event has no value, so every property that is not
 * a primitive may be {@code null}); dates are ISO-8601 strings; enums list their constants; more properties are allowed,
 * because a consumer must tolerate what a later revision adds.
 */
final class EventSchemas {

    private static final SchemaGenerator GENERATOR = generator();

    private EventSchemas() {}

    /** The file name under {@code contract/schemas}: the type name, with the revision if the event has one. */
    static String fileName(Class<?> event) {
        Revision revision = event.getAnnotation(Revision.class);
        String name = EventCatalog.nameOf(event).orElseThrow();
        return revision == null ? name + ".json" : name + ".r" + revision.value() + ".json";
    }

    static ObjectNode schemaOf(Class<? extends Record> event) {
        ObjectNode schema = GENERATOR.generateSchema(event);
        String name = EventCatalog.nameOf(event).orElseThrow();
        Revision revision = event.getAnnotation(Revision.class);
        ObjectNode ordered = schema.objectNode();
        ordered.put("$schema", schema.get("$schema").asText());
        ordered.put("$id", "urn:border-ledger:schema:" + fileName(event));
        ordered.put("title", name);
        ordered.put(
                "description",
                "The data of the ledger.events records of CloudEvents type '" + name + "' and eventrevision "
                        + (revision == null ? "absent" : "'" + revision.value() + "'") + ".");
        schema.fields().forEachRemaining(field -> {
            if (!field.getKey().equals("$schema")) {
                ordered.set(field.getKey(), field.getValue());
            }
        });
        return ordered;
    }

    private static SchemaGenerator generator() {
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(
                        SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
                .with(Option.NULLABLE_FIELDS_BY_DEFAULT)
                .with(Option.DEFINITIONS_FOR_ALL_OBJECTS)
                .with(Option.EXTRA_OPEN_API_FORMAT_VALUES)
                .without(Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT);
        config.forFields().withRequiredCheck(field -> true);
        config.forTypesInGeneral().withStringFormatResolver(scope -> {
            Class<?> type = scope.getType().getErasedType();
            if (type == LocalDate.class) {
                return "date";
            }
            return type == Instant.class ? "date-time" : null;
        });
        return new SchemaGenerator(config.build());
    }
}
