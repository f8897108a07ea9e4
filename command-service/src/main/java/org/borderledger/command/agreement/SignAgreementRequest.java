package org.borderledger.command.agreement;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.borderledger.command.Submitter;
import org.borderledger.command.web.BusinessDate;
import org.borderledger.command.web.Ids;
import org.borderledger.command.web.Text;
import org.borderledger.command.web.Write;
import org.borderledger.command.web.WritePath;
import org.borderledger.events.FieldLimits;
import org.borderledger.events.agreement.CooperationDomain;

/** {@code id} may be left out: one such as {@code AGR-2014-3F9A1C} is generated. */
@WritePath(value = "", summary = "Sign a cooperation agreement between two provinces, one per country")
record SignAgreementRequest(
        @Pattern(regexp = Ids.PATTERN) String id,
        @NotBlank @Text(max = FieldLimits.TITLE) String title,
        @NotEmpty @Size(max = 2) List<@NotBlank @Pattern(regexp = Ids.PROVINCE) String> parties,
        @NotNull @PastOrPresent @BusinessDate LocalDate signedOn,
        @Text(max = FieldLimits.NAME) String place,
        @Text(max = FieldLimits.NAME) String documentRef,
        @NotNull @Size(max = FieldLimits.SIGNATORIES) List<@NotNull @Valid SignatoryRequest> signatories,
        @NotEmpty Set<@NotNull CooperationDomain> domains,
        @NotNull @BusinessDate LocalDate validFrom,
        @NotNull @BusinessDate LocalDate validTo)
        implements Write.Request {

    @Override
    public SignAgreement command(String aggregateId, Submitter submitter) {
        return new SignAgreement(
                aggregateId,
                title,
                parties,
                signedOn,
                place,
                signatories.stream().map(SignatoryRequest::toSignatory).toList(),
                domains,
                validFrom,
                validTo,
                documentRef,
                submitter);
    }
}
