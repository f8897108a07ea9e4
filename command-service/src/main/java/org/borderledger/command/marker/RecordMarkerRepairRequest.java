package org.borderledger.command.marker;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

record RecordMarkerRepairRequest(@NotNull @PastOrPresent LocalDate repairedOn, @Size(max = 4000) String description) {}
