package org.borderledger.command.marker;

import java.util.List;
import org.borderledger.command.web.Write;
import org.borderledger.command.web.WriteSource;
import org.springframework.stereotype.Component;

/** Marker ids with a slash travel URL-encoded: {@code POST /api/markers/314%2F1/confirmations}. */
@Component
class MarkerController implements WriteSource {

    static final Write<PlanMarkerRequest> PLAN =
            Write.creating("PlanMarker", PlanMarkerRequest.class, PlanMarkerRequest::id);

    static final Write<ReportMarkerCompletionRequest> REPORT_COMPLETION =
            Write.targeting("ReportMarkerCompletion", ReportMarkerCompletionRequest.class);

    static final Write<ConfirmMarkerCompletionRequest> CONFIRM =
            Write.targeting("ConfirmMarkerCompletion", ConfirmMarkerCompletionRequest.class);

    static final Write<ReportMarkerDamageRequest> REPORT_DAMAGE =
            Write.targeting("ReportMarkerDamage", ReportMarkerDamageRequest.class);

    static final Write<RecordMarkerRepairRequest> REPAIR =
            Write.targeting("RecordMarkerRepair", RecordMarkerRepairRequest.class);

    @Override
    public String path() {
        return "/api/markers";
    }

    @Override
    public List<Write<?>> operations() {
        return List.of(PLAN, REPORT_COMPLETION, CONFIRM, REPORT_DAMAGE, REPAIR);
    }
}
