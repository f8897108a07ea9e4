package org.borderledger.command.marker;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

record ReportMarkerDamageRequest(
        @NotNull @PastOrPresent LocalDate damagedOn, @NotBlank @Size(max = 4000) String description) {}
