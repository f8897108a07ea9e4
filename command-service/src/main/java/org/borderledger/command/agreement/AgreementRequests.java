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
import org.borderledger.command.agreement.AgreementCommands.AmendAgreement;
import org.borderledger.command.agreement.AgreementCommands.RecordAgreementReview;
import org.borderledger.command.agreement.AgreementCommands.SignAgreement;
import org.borderledger.command.agreement.AgreementCommands.TerminateAgreement;
import org.borderledger.command.web.BusinessDate;
import org.borderledger.command.web.Ids;
import org.borderledger.command.web.Text;
import org.borderledger.events.FieldLimits;
import org.borderledger.events.agreement.CooperationDomain;
import org.borderledger.events.agreement.Signatory;

/** The request bodies of the writes to a cooperation agreement, as records validated before anything is submitted. */
final class AgreementRequests {

    private AgreementRequests() {}

    /** {@code id} may be left out: one such as {@code AGR-2014-3F9A1C} is generated. */
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
            @NotNull @BusinessDate LocalDate validTo) {

        SignAgreement command(String aggregateId, Submitter submitter) {
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

    record SignatoryRequest(
            @NotBlank @Text(max = FieldLimits.NAME) String name,
            @Text(max = FieldLimits.NAME) String title,
            @NotBlank @Pattern(regexp = Ids.PROVINCE) String province) {

        Signatory toSignatory() {
            return new Signatory(name, title, province);
        }
    }

    record RecordAgreementReviewRequest(
            @NotNull @PastOrPresent @BusinessDate LocalDate reviewedOn,
            @NotNull @BusinessDate LocalDate periodFrom,
            @NotNull @BusinessDate LocalDate periodTo,
            @NotBlank @Text(max = FieldLimits.TEXT) String summary) {

        RecordAgreementReview command(String aggregateId, Submitter submitter) {
            return new RecordAgreementReview(aggregateId, reviewedOn, periodFrom, periodTo, summary, submitter);
        }
    }

    /** {@code domains} and {@code validTo} are the new values; leave them out to keep the current ones. */
    record AmendAgreementRequest(
            @NotNull @PastOrPresent @BusinessDate LocalDate amendedOn,
            @NotBlank @Text(max = FieldLimits.TEXT) String summary,
            @Size(min = 1) Set<@NotNull CooperationDomain> domains,
            @BusinessDate LocalDate validTo,
            @Text(max = FieldLimits.NAME) String documentRef) {

        AmendAgreement command(String aggregateId, Submitter submitter) {
            return new AmendAgreement(aggregateId, amendedOn, summary, domains, validTo, documentRef, submitter);
        }
    }

    record TerminateAgreementRequest(
            @NotNull @PastOrPresent @BusinessDate LocalDate terminatedOn,
            @NotBlank @Text(max = FieldLimits.TEXT) String reason) {

        TerminateAgreement command(String aggregateId, Submitter submitter) {
            return new TerminateAgreement(aggregateId, terminatedOn, reason, submitter);
        }
    }
}
