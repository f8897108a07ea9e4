package org.borderledger.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.borderledger.events.indicator.IndicatorKind;

/**
 * {@code IndicatorReported} revision 1 (stored without a revision) to revision 2: adds {@code unit}, the unit of the
 * report's kind. A kind this ledger does not know gets no unit ({@code null}), and the event then fails to load as
 * any event with an unknown kind does. The stored bytes are never changed; this runs on every read.
 */
final class IndicatorReportedUnit extends SingleEventUpcaster {

    static final String TYPE = "IndicatorReported";
    static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(TYPE, null);
    static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(TYPE, "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, IndicatorReportedUnit::withUnit);
    }

    static JsonNode withUnit(JsonNode payload) {
        if (payload instanceof ObjectNode event && !event.has("unit")) {
            String kind = event.path("indicator").asText(null);
            event.put(
                    "unit",
                    Arrays.stream(IndicatorKind.values())
                            .filter(known -> known.name().equals(kind))
                            .findFirst()
                            .map(known -> known.unit().name())
                            .orElse(null));
        }
        return payload;
    }
}
