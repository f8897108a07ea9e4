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
import org.borderledger.command.web.Ids;
import org.borderledger.events.agreement.CooperationDomain;

/** {@code id} may be left out: one such as {@code AGR-2014-3F9A1C} is generated. */
record SignAgreementRequest(
        @Pattern(regexp = Ids.PATTERN) String id,
        @NotBlank @Size(max = 300) String title,
        @NotEmpty @Size(max = 2) List<@NotBlank @Pattern(regexp = Ids.PROVINCE) String> parties,
        @NotNull @PastOrPresent LocalDate signedOn,
        @Size(max = 200) String place,
        @Size(max = 200) String documentRef,
        @NotNull @Size(max = 50) List<@NotNull @Valid SignatoryRequest> signatories,
        @NotEmpty Set<@NotNull CooperationDomain> domains,
        @NotNull LocalDate validFrom,
        @NotNull LocalDate validTo) {}
