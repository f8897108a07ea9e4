package org.borderledger.command.indicator;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

record CorrectIndicatorRequest(@NotNull @PositiveOrZero Long value, @NotBlank @Size(max = 4000) String reason) {}
