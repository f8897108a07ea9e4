package org.borderledger.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * {@code IndicatorReported} revision 2 to revision 3: adds {@code partnerProvince} ({@code null}: the figure was
 * recorded without naming the province of the other side) and {@code estimate} ({@code false}: figures were recorded
 * as final ones). The stored bytes are never changed; this runs on every read.
 */
final class IndicatorReportedPair extends SingleEventUpcaster {

    static final SimpleSerializedType REVISION_3 = new SimpleSerializedType(IndicatorReportedUnit.TYPE, "3");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return IndicatorReportedUnit.REVISION_2.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_3, JsonNode.class, IndicatorReportedPair::withPair);
    }

    static JsonNode withPair(JsonNode payload) {
        if (payload instanceof ObjectNode event) {
            if (!event.has("partnerProvince")) {
                event.putNull("partnerProvince");
            }
            if (!event.has("estimate")) {
                event.put("estimate", false);
            }
        }
        return payload;
    }
}
