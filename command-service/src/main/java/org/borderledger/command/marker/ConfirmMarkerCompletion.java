package org.borderledger.command.marker;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.borderledger.command.Submitter;

record ConfirmMarkerCompletion(
        @TargetAggregateIdentifier String markerId, LocalDate confirmedOn, Submitter submittedBy) {}
