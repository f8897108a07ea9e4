package org.borderledger.command.repatriation;

import java.util.List;
import org.borderledger.command.web.Ids;
import org.borderledger.command.web.Write;
import org.borderledger.command.web.WriteSource;
import org.springframework.stereotype.Component;

@Component
class RepatriationCaseController implements WriteSource {

    static final Write<OpenRepatriationCaseRequest> OPEN = Write.creating(
            "OpenRepatriationCase",
            OpenRepatriationCaseRequest.class,
            body -> Ids.orGenerate(body.id(), "REP", body.seasonEndYear()));

    static final Write<RecordRemainsRecoveryRequest> RECOVER =
            Write.targeting("RecordRemainsRecovery", RecordRemainsRecoveryRequest.class);

    static final Write<RecordRepatriationRequest> REPATRIATE =
            Write.targeting("RecordRepatriation", RecordRepatriationRequest.class);

    @Override
    public String path() {
        return "/api/repatriation-cases";
    }

    @Override
    public List<Write<?>> operations() {
        return List.of(OPEN, RECOVER, REPATRIATE);
    }
}
