package org.borderledger.command.agreement;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Set;
import org.borderledger.events.agreement.CooperationDomain;

/** {@code domains} and {@code validTo} are the new values; leave them out to keep the current ones. */
record AmendAgreementRequest(
        @NotNull @PastOrPresent LocalDate amendedOn,
        @NotBlank @Size(max = 4000) String summary,
        @Size(min = 1) Set<@NotNull CooperationDomain> domains,
        LocalDate validTo,
        @Size(max = 200) String documentRef) {}
