package org.borderledger.command.jurisdiction;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.borderledger.command.Submitter;
import org.borderledger.command.jurisdiction.JurisdictionCommands.ApproveJurisdictionChange;
import org.borderledger.command.jurisdiction.JurisdictionCommands.ProposeJurisdictionChange;
import org.borderledger.command.province.JurisdictionsAggregate;
import org.borderledger.command.web.BusinessDate;
import org.borderledger.command.web.Ids;
import org.borderledger.command.web.Text;
import org.borderledger.events.FieldLimits;
import org.borderledger.events.Province;
import org.borderledger.events.Side;

/** The request bodies of the changes of the reference data, as records validated before anything is submitted. */
final class JurisdictionRequests {

    /** The most entries one change holds. */
    static final int ENTRIES = FieldLimits.PROVINCE_ENTRIES;

    private JurisdictionRequests() {}

    /** Each entry replaces the entry of the same code and valid-from date, or is added. */
    record ProposeJurisdictionChangeRequest(
            @NotBlank @Pattern(regexp = Ids.PATTERN) String changeId,
            @NotEmpty @Size(max = ENTRIES) List<@NotNull @Valid ProvinceRequest> entries,
            @NotBlank @Text(max = FieldLimits.TEXT) String reason,
            @NotBlank @Text(max = FieldLimits.SOURCE) String source,
            @NotNull @PastOrPresent @BusinessDate LocalDate proposedOn) {

        ProposeJurisdictionChange command(String aggregateId, Submitter submitter) {
            return new ProposeJurisdictionChange(
                    JurisdictionsAggregate.ID,
                    changeId,
                    entries.stream().map(ProvinceRequest::toProvince).toList(),
                    reason,
                    source,
                    proposedOn,
                    submitter);
        }
    }

    /** One entry of the reference data; {@code validFrom} and {@code validTo} left out are open ends. */
    record ProvinceRequest(
            @NotBlank @Pattern(regexp = Ids.PROVINCE) String code,
            @BusinessDate LocalDate validFrom,
            @BusinessDate LocalDate validTo,
            @NotNull Side side,
            @NotBlank @Text(max = FieldLimits.NAME) String nameVi,
            @NotBlank @Text(max = FieldLimits.NAME) String nameKm,
            @NotBlank @Text(max = FieldLimits.NAME) String nameEn,
            @Pattern(regexp = Ids.PROVINCE) String succeededBy,
            @Size(max = ENTRIES) List<@NotBlank @Pattern(regexp = Ids.PROVINCE) String> formedFrom,
            boolean ownCode,
            @NotBlank @Text(max = FieldLimits.SOURCE) String source) {

        Province toProvince() {
            return new Province(
                    code, validFrom, validTo, side, nameVi, nameKm, nameEn, succeededBy, formedFrom, ownCode, source);
        }
    }

    record ApproveJurisdictionChangeRequest(@NotNull @PastOrPresent @BusinessDate LocalDate approvedOn) {

        ApproveJurisdictionChange command(String changeId, Submitter submitter) {
            return new ApproveJurisdictionChange(JurisdictionsAggregate.ID, changeId, approvedOn, submitter);
        }
    }
}
