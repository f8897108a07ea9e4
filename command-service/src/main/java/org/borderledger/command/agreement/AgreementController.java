package org.borderledger.command.agreement;

import java.util.List;
import org.borderledger.command.web.Ids;
import org.borderledger.command.web.Write;
import org.borderledger.command.web.WriteSource;
import org.springframework.stereotype.Component;

@Component
class AgreementController implements WriteSource {

    static final Write<SignAgreementRequest> SIGN = Write.creating(
            "SignAgreement",
            SignAgreementRequest.class,
            body -> Ids.orGenerate(body.id(), "AGR", body.signedOn().getYear()));

    static final Write<RecordAgreementReviewRequest> REVIEW =
            Write.targeting("RecordAgreementReview", RecordAgreementReviewRequest.class);

    static final Write<AmendAgreementRequest> AMEND = Write.targeting("AmendAgreement", AmendAgreementRequest.class);

    static final Write<TerminateAgreementRequest> TERMINATE =
            Write.targeting("TerminateAgreement", TerminateAgreementRequest.class);

    @Override
    public String path() {
        return "/api/agreements";
    }

    @Override
    public List<Write<?>> operations() {
        return List.of(SIGN, REVIEW, AMEND, TERMINATE);
    }
}
