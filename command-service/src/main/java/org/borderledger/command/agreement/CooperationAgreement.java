package org.borderledger.command.agreement;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.borderledger.command.Submitter;
import org.borderledger.command.agreement.AgreementCommands.AmendAgreement;
import org.borderledger.command.agreement.AgreementCommands.RecordAgreementReview;
import org.borderledger.command.agreement.AgreementCommands.SignAgreement;
import org.borderledger.command.agreement.AgreementCommands.TerminateAgreement;
import org.borderledger.command.agreement.AgreementRefusals.AgreementAlreadyTerminated;
import org.borderledger.command.agreement.AgreementRefusals.DatedBeforeSignature;
import org.borderledger.command.agreement.AgreementRefusals.NotAPartyToAgreement;
import org.borderledger.command.agreement.AgreementRefusals.PartiesNotOnePerCountry;
import org.borderledger.command.agreement.AgreementRefusals.ReviewPeriodEndsBeforeItStarts;
import org.borderledger.command.agreement.AgreementRefusals.SignatoryOfNoParty;
import org.borderledger.command.agreement.AgreementRefusals.ValidityEndsBeforeItStarts;
import org.borderledger.command.province.EffectiveProvinces;
import org.borderledger.command.province.ProvinceRules;
import org.borderledger.events.ProvinceRegister;
import org.borderledger.events.Provinces;
import org.borderledger.events.Side;
import org.borderledger.events.agreement.AgreementAmended;
import org.borderledger.events.agreement.AgreementReviewed;
import org.borderledger.events.agreement.AgreementSigned;
import org.borderledger.events.agreement.AgreementTerminated;
import org.borderledger.events.agreement.Signatory;

/**
 * An agreement between two provinces, one on each side of the border, both existing on the day of signature. Only
 * units of a party, or of a province that continues a party, record its facts, and nothing is recorded after its
 * termination. A signature is checked for its parties first (only then can one ask whether the submitter is one of
 * them); the other handlers check who may act first, then the agreement's state, then the request's dates. A fact
 * recorded by a unit of a party's successor (the An Giang of 2025 for Kiên Giang) carries the metadata
 * {@code recordedbysuccessor}; the parties stay as signed.
 */
@Aggregate(cache = "agreementCache", snapshotTriggerDefinition = "snapshotTrigger")
class CooperationAgreement {

    @AggregateIdentifier
    private String agreementId;

    private List<String> parties;
    private LocalDate signedOn;
    private LocalDate validFrom;
    private boolean terminated;

    /** For Axon, which rebuilds the agreement from its events. */
    CooperationAgreement() {}

    @CommandHandler
    CooperationAgreement(SignAgreement command, EffectiveProvinces provinces) {
        ProvinceRegister register = provinces.current();
        List<String> parties = command.parties();
        if (!onePerCountry(parties)) {
            throw new PartiesNotOnePerCountry(parties);
        }
        ProvinceRules.requireNotEnded(register, command.submittedBy(), command.signedOn(), "signedOn");
        for (String party : parties) {
            ProvinceRules.requireValidOn(register, party, command.signedOn(), "parties", "signedOn");
        }
        String actingFor = ProvinceRules.actingFor(register, command.submittedBy(), parties)
                .orElseThrow(() -> new NotAPartyToAgreement(
                        command.agreementId(), command.submittedBy().province()));
        if (!command.validTo().isAfter(command.validFrom())) {
            throw ValidityEndsBeforeItStarts.atSignature(command.validFrom(), command.validTo());
        }
        if (command.signatories() != null) {
            for (Signatory signatory : command.signatories()) {
                if (!parties.contains(signatory.province())) {
                    throw new SignatoryOfNoParty(signatory, parties);
                }
            }
        }
        apply(
                new AgreementSigned(
                        command.agreementId(),
                        command.title(),
                        List.copyOf(parties),
                        command.signedOn(),
                        command.place(),
                        command.signatories(),
                        command.domains(),
                        command.validFrom(),
                        command.validTo(),
                        command.documentRef()),
                ProvinceRules.recordedBy(command.submittedBy(), actingFor));
    }

    private static boolean onePerCountry(List<String> parties) {
        if (parties == null || parties.size() != 2) {
            return false;
        }
        Optional<Side> first = Provinces.sideOf(parties.get(0));
        Optional<Side> second = Provinces.sideOf(parties.get(1));
        return first.isPresent() && second.isPresent() && first.get() != second.get();
    }

    @CommandHandler
    void handle(RecordAgreementReview command, EffectiveProvinces provinces) {
        String actingFor = requireOpenToParty(provinces, command.submittedBy(), command.reviewedOn(), "reviewedOn");
        if (command.periodTo().isBefore(command.periodFrom())) {
            throw new ReviewPeriodEndsBeforeItStarts(command.periodFrom(), command.periodTo());
        }
        requireNotBeforeSignature("reviewedOn", command.reviewedOn());
        apply(
                new AgreementReviewed(
                        agreementId, command.reviewedOn(), command.periodFrom(), command.periodTo(), command.summary()),
                ProvinceRules.recordedBy(command.submittedBy(), actingFor));
    }

    @CommandHandler
    void handle(AmendAgreement command, EffectiveProvinces provinces) {
        String actingFor = requireOpenToParty(provinces, command.submittedBy(), command.amendedOn(), "amendedOn");
        if (command.validTo() != null && !command.validTo().isAfter(validFrom)) {
            throw ValidityEndsBeforeItStarts.byAmendment(validFrom, command.validTo());
        }
        requireNotBeforeSignature("amendedOn", command.amendedOn());
        apply(
                new AgreementAmended(
                        agreementId,
                        command.amendedOn(),
                        command.summary(),
                        command.domains(),
                        command.validTo(),
                        command.documentRef()),
                ProvinceRules.recordedBy(command.submittedBy(), actingFor));
    }

    @CommandHandler
    void handle(TerminateAgreement command, EffectiveProvinces provinces) {
        String actingFor = requireOpenToParty(provinces, command.submittedBy(), command.terminatedOn(), "terminatedOn");
        requireNotBeforeSignature("terminatedOn", command.terminatedOn());
        apply(
                new AgreementTerminated(agreementId, command.terminatedOn(), command.reason()),
                ProvinceRules.recordedBy(command.submittedBy(), actingFor));
    }

    /** The party the submitter acts for, once its province is found not ended on the fact's date. */
    private String requireOpenToParty(
            EffectiveProvinces provinces, Submitter submitter, LocalDate date, String dateField) {
        ProvinceRegister register = provinces.current();
        ProvinceRules.requireNotEnded(register, submitter, date, dateField);
        String actingFor = ProvinceRules.actingFor(register, submitter, parties)
                .orElseThrow(() -> new NotAPartyToAgreement(agreementId, submitter.province()));
        if (terminated) {
            throw new AgreementAlreadyTerminated(agreementId);
        }
        return actingFor;
    }

    private void requireNotBeforeSignature(String field, LocalDate date) {
        if (date.isBefore(signedOn)) {
            throw new DatedBeforeSignature(agreementId, field, date, signedOn);
        }
    }

    @EventSourcingHandler
    void on(AgreementSigned event) {
        agreementId = event.agreementId();
        parties = event.parties();
        signedOn = event.signedOn();
        validFrom = event.validFrom();
    }

    @EventSourcingHandler
    void on(AgreementTerminated event) {
        terminated = true;
    }
}
