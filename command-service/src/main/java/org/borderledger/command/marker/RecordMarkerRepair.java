package org.borderledger.command.marker;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.borderledger.command.Submitter;

record RecordMarkerRepair(
        @TargetAggregateIdentifier String markerId, LocalDate repairedOn, String description, Submitter submittedBy) {}
