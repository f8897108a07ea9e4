package org.borderledger.command.indicator;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.borderledger.command.Submitter;

record CorrectIndicator(
        @TargetAggregateIdentifier String indicatorId, long value, String reason, Submitter submittedBy) {}
