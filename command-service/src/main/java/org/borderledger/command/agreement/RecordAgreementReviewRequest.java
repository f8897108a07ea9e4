package org.borderledger.command.agreement;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

record RecordAgreementReviewRequest(
        @NotNull @PastOrPresent LocalDate reviewedOn,
        @NotNull LocalDate periodFrom,
        @NotNull LocalDate periodTo,
        @NotBlank @Size(max = 4000) String summary) {}
