package org.borderledger.command.marker;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import java.time.LocalDate;
import org.borderledger.command.web.BusinessDate;

record ConfirmMarkerCompletionRequest(@NotNull @PastOrPresent @BusinessDate LocalDate confirmedOn) {}
