package org.borderledger.command.indicator;

import java.util.List;
import org.borderledger.command.web.Ids;
import org.borderledger.command.web.Write;
import org.borderledger.command.web.WriteSource;
import org.springframework.stereotype.Component;

@Component
class IndicatorController implements WriteSource {

    static final Write<ReportIndicatorRequest> REPORT = Write.creating(
            "ReportIndicator",
            ReportIndicatorRequest.class,
            body -> Ids.orGenerate(body.id(), "IND", body.periodFrom().getYear()));

    static final Write<CorrectIndicatorRequest> CORRECT =
            Write.targeting("CorrectIndicator", CorrectIndicatorRequest.class);

    @Override
    public String path() {
        return "/api/indicators";
    }

    @Override
    public List<Write<?>> operations() {
        return List.of(REPORT, CORRECT);
    }
}
