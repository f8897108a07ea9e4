package org.borderledger.command.repatriation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.borderledger.command.Submitter;
import org.borderledger.command.repatriation.RepatriationCaseCommands.OpenRepatriationCase;
import org.borderledger.command.repatriation.RepatriationCaseCommands.RecordRemainsRecovery;
import org.borderledger.command.repatriation.RepatriationCaseCommands.RecordRepatriation;
import org.borderledger.command.repatriation.RepatriationCaseRefusals.CaseForAnotherUnit;
import org.borderledger.command.repatriation.RepatriationCaseRefusals.CaseOfAnotherProvince;
import org.borderledger.command.repatriation.RepatriationCaseRefusals.CountNotPositive;
import org.borderledger.command.repatriation.RepatriationCaseRefusals.MoreRepatriatedThanRecovered;
import org.borderledger.command.repatriation.RepatriationCaseRefusals.RecoveryOutsideSearchProvince;
import org.borderledger.command.repatriation.RepatriationCaseRefusals.RepatriationBeforeRecovery;
import org.borderledger.command.repatriation.RepatriationCaseRefusals.UnknownProvince;
import org.borderledger.events.Provinces;
import org.borderledger.events.repatriation.RemainsRecovered;
import org.borderledger.events.repatriation.RemainsRepatriated;
import org.borderledger.events.repatriation.RepatriationCaseOpened;

/**
 * One search season's case, opened by the searching unit itself. It belongs to the province that opened it and to the
 * province searched (a Kiên Giang team searches in Kampot); units of either record its recoveries, all in the province
 * searched, and its repatriations. No more remains are repatriated than were recovered, and none before the first
 * recovery.
 */
@Aggregate(cache = "repatriationCaseCache")
class RepatriationCase {

    @AggregateIdentifier
    private String caseId;

    private String openedByProvince;
    private String searchProvince;
    private LocalDate firstRecoveredOn;
    private long totalRecovered;
    private long totalRepatriated;

    /** For Axon, which rebuilds the case from its events. */
    RepatriationCase() {}

    @CommandHandler
    RepatriationCase(OpenRepatriationCase command) {
        if (Provinces.sideOf(command.searchProvince()).isEmpty()) {
            throw new UnknownProvince(command.searchProvince(), "searchProvince");
        }
        String unit = command.submittedBy().unit();
        if (command.searchingUnit() != null && !command.searchingUnit().equals(unit)) {
            throw new CaseForAnotherUnit(command.searchingUnit(), unit);
        }
        apply(new RepatriationCaseOpened(
                command.caseId(),
                command.season(),
                command.searchProvince(),
                unit,
                command.submittedBy().province()));
    }

    @CommandHandler
    void handle(RecordRemainsRecovery command) {
        requireJurisdiction(command.submittedBy());
        if (command.count() <= 0) {
            throw new CountNotPositive(command.count());
        }
        if (!searchProvince.equals(command.site().province())) {
            throw new RecoveryOutsideSearchProvince(caseId, command.site().province(), searchProvince);
        }
        apply(new RemainsRecovered(caseId, command.recoveredOn(), command.count(), command.site()));
    }

    @CommandHandler
    void handle(RecordRepatriation command) {
        requireJurisdiction(command.submittedBy());
        if (command.count() <= 0) {
            throw new CountNotPositive(command.count());
        }
        if (firstRecoveredOn == null || command.repatriatedOn().isBefore(firstRecoveredOn)) {
            throw new RepatriationBeforeRecovery(caseId, command.repatriatedOn(), firstRecoveredOn);
        }
        if (totalRepatriated + command.count() > totalRecovered) {
            throw new MoreRepatriatedThanRecovered(caseId, command.count(), totalRecovered - totalRepatriated);
        }
        apply(new RemainsRepatriated(
                caseId, command.repatriatedOn(), command.count(), command.borderGate(), command.receivingUnit()));
    }

    private void requireJurisdiction(Submitter submitter) {
        String province = submitter.province();
        if (!province.equals(openedByProvince) && !province.equals(searchProvince)) {
            throw new CaseOfAnotherProvince(caseId, province);
        }
    }

    @EventSourcingHandler
    void on(RepatriationCaseOpened event) {
        caseId = event.caseId();
        openedByProvince = event.openedByProvince();
        searchProvince = event.searchProvince();
    }

    @EventSourcingHandler
    void on(RemainsRecovered event) {
        totalRecovered += event.count();
        if (firstRecoveredOn == null || event.recoveredOn().isBefore(firstRecoveredOn)) {
            firstRecoveredOn = event.recoveredOn();
        }
    }

    @EventSourcingHandler
    void on(RemainsRepatriated event) {
        totalRepatriated += event.count();
    }
}
