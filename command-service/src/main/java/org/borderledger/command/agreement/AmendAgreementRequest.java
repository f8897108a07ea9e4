package org.borderledger.command.agreement;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Set;
import org.borderledger.command.Submitter;
import org.borderledger.command.web.BusinessDate;
import org.borderledger.command.web.Text;
import org.borderledger.command.web.Write;
import org.borderledger.command.web.WritePath;
import org.borderledger.events.FieldLimits;
import org.borderledger.events.agreement.CooperationDomain;

/** {@code domains} and {@code validTo} are the new values; leave them out to keep the current ones. */
@WritePath(value = "/{id}/amendments", summary = "Amend an agreement's domains or validity")
record AmendAgreementRequest(
        @NotNull @PastOrPresent @BusinessDate LocalDate amendedOn,
        @NotBlank @Text(max = FieldLimits.TEXT) String summary,
        @Size(min = 1) Set<@NotNull CooperationDomain> domains,
        @BusinessDate LocalDate validTo,
        @Text(max = FieldLimits.NAME) String documentRef)
        implements Write.Request {

    @Override
    public AmendAgreement command(String aggregateId, Submitter submitter) {
        return new AmendAgreement(aggregateId, amendedOn, summary, domains, validTo, documentRef, submitter);
    }
}
