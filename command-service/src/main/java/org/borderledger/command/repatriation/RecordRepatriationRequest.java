package org.borderledger.command.repatriation;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

record RecordRepatriationRequest(
        @NotNull @PastOrPresent LocalDate repatriatedOn,
        @NotNull @Positive Integer count,
        @Size(max = 100) String borderGate,
        @Size(max = 200) String receivingUnit) {}
