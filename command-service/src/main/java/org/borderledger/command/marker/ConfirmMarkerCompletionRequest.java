package org.borderledger.command.marker;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import java.time.LocalDate;

record ConfirmMarkerCompletionRequest(@NotNull @PastOrPresent LocalDate confirmedOn) {}
