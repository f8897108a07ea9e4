package org.borderledger.command.repatriation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.borderledger.command.Submitter;

/** {@code searchingUnit} is null when the request names none: the submitting unit searches. */
record OpenRepatriationCase(
        @TargetAggregateIdentifier String caseId,
        String season,
        String searchProvince,
        String searchingUnit,
        Submitter submittedBy) {}
