package org.borderledger.command.marker;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.borderledger.command.Submitter;

record ReportMarkerDamage(
        @TargetAggregateIdentifier String markerId, LocalDate damagedOn, String description, Submitter submittedBy) {}
