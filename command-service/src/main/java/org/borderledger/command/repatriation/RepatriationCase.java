package org.borderledger.command.repatriation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.borderledger.command.Submitter;
import org.borderledger.command.province.EffectiveProvinces;
import org.borderledger.command.province.ProvinceRules;
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
import org.borderledger.events.ProvinceRegister;
import org.borderledger.events.Provinces;
import org.borderledger.events.repatriation.RemainsRecovered;
import org.borderledger.events.repatriation.RemainsRepatriated;
import org.borderledger.events.repatriation.RepatriationCaseOpened;

/**
 * One search season's case, opened by the searching unit itself. It belongs to the province that opened it and to the
 * province searched (a Kiên Giang team searches in Kampot); units of either record its recoveries, all in the province
 * searched, and its repatriations. No more remains are repatriated than were recovered, and none before the first
 * recovery. A unit of a province that continues one of the case's provinces (the An Giang of 2025 for Kiên Giang)
 * records its facts too, marked as recorded by the successor; a recovery is recorded in the searched province or in
 * the one that continues it on the recovery's date, with the address of that date (no district in Viet Nam from
 * 1 July 2025).
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
    RepatriationCase(OpenRepatriationCase command, EffectiveProvinces provinces) {
        if (Provinces.sideOf(command.searchProvince()).isEmpty()) {
            throw new UnknownProvince(command.searchProvince(), "searchProvince");
        }
        ProvinceRules.requireKnown(provinces.current(), command.searchProvince(), "searchProvince");
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
    void handle(RecordRemainsRecovery command, EffectiveProvinces provinces) {
        ProvinceRegister register = provinces.current();
        String actingFor = requireJurisdiction(register, command.submittedBy(), command.recoveredOn(), "recoveredOn");
        if (command.count() <= 0) {
            throw new CountNotPositive(command.count());
        }
        String siteProvince = command.site().province();
        if (!register.continues(siteProvince, searchProvince)) {
            throw new RecoveryOutsideSearchProvince(caseId, siteProvince, searchProvince);
        }
        ProvinceRules.requireValidOn(register, siteProvince, command.recoveredOn(), "site.province", "recoveredOn");
        ProvinceRules.requireAddressOfItsDate(
                siteProvince, command.site().district(), command.recoveredOn(), "site.district");
        apply(
                new RemainsRecovered(caseId, command.recoveredOn(), command.count(), command.site()),
                ProvinceRules.recordedBy(command.submittedBy(), actingFor));
    }

    @CommandHandler
    void handle(RecordRepatriation command, EffectiveProvinces provinces) {
        String actingFor = requireJurisdiction(
                provinces.current(), command.submittedBy(), command.repatriatedOn(), "repatriatedOn");
        if (command.count() <= 0) {
            throw new CountNotPositive(command.count());
        }
        if (firstRecoveredOn == null || command.repatriatedOn().isBefore(firstRecoveredOn)) {
            throw new RepatriationBeforeRecovery(caseId, command.repatriatedOn(), firstRecoveredOn);
        }
        if (totalRepatriated + command.count() > totalRecovered) {
            throw new MoreRepatriatedThanRecovered(caseId, command.count(), totalRecovered - totalRepatriated);
        }
        apply(
                new RemainsRepatriated(
                        caseId,
                        command.repatriatedOn(),
                        command.count(),
                        command.borderGate(),
                        command.receivingUnit()),
                ProvinceRules.recordedBy(command.submittedBy(), actingFor));
    }

    /** The case's province the submitter acts for, once its own province is found not ended on the fact's date. */
    private String requireJurisdiction(ProvinceRegister register, Submitter submitter, LocalDate date, String field) {
        ProvinceRules.requireNotEnded(register, submitter, date, field);
        return ProvinceRules.actingFor(register, submitter, List.of(openedByProvince, searchProvince))
                .orElseThrow(() -> new CaseOfAnotherProvince(caseId, submitter.province()));
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
