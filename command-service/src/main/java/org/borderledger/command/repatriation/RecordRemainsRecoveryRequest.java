package org.borderledger.command.repatriation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Positive;
import java.time.LocalDate;
import org.borderledger.command.web.BusinessDate;

record RecordRemainsRecoveryRequest(
        @NotNull @PastOrPresent @BusinessDate LocalDate recoveredOn,
        @NotNull @Positive Integer count,
        @NotNull @Valid RecoverySiteRequest site) {}
