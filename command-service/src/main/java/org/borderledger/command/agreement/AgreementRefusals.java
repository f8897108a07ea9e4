package org.borderledger.command.agreement;

import java.time.LocalDate;
import java.util.List;
import org.borderledger.command.NotEntitled;
import org.borderledger.command.ProblemType;
import org.borderledger.command.RuleViolated;
import org.borderledger.command.StateConflict;
import org.borderledger.events.agreement.Signatory;

/** What a cooperation agreement refuses, one class per refusal; each states its public problem type. */
public final class AgreementRefusals {

    private AgreementRefusals() {}

    /** An agreement binds exactly two provinces, one of Vietnam and one of Cambodia. */
    @ProblemType("parties-not-one-per-country")
    static final class PartiesNotOnePerCountry extends RuleViolated {

        PartiesNotOnePerCountry(List<String> parties) {
            super(
                    "An agreement needs two parties, one province of Vietnam (VN-..) and one of Cambodia (KH-..), not "
                            + parties,
                    "parties");
            arguments(String.valueOf(parties));
        }
    }

    /** Every signatory signs for one of the two parties. */
    @ProblemType("signatory-of-no-party")
    static final class SignatoryOfNoParty extends RuleViolated {

        SignatoryOfNoParty(Signatory signatory, List<String> parties) {
            super(
                    "Signatory " + signatory.name() + " signs for " + signatory.province()
                            + ", which is not one of the parties " + parties,
                    "signatories");
            arguments(signatory.name(), signatory.province(), String.valueOf(parties));
        }
    }

    /** An agreement's validity ends strictly after it starts. */
    @ProblemType("validity-ends-before-it-starts")
    static final class ValidityEndsBeforeItStarts extends RuleViolated {

        private ValidityEndsBeforeItStarts(LocalDate validFrom, LocalDate validTo, String... fields) {
            super("An agreement valid from " + validFrom + " must be valid until a later date than " + validTo, fields);
            arguments(validFrom, validTo);
        }

        static ValidityEndsBeforeItStarts atSignature(LocalDate validFrom, LocalDate validTo) {
            return new ValidityEndsBeforeItStarts(validFrom, validTo, "validFrom", "validTo");
        }

        /** An amendment changes only the end of validity, so only that field is at fault. */
        static ValidityEndsBeforeItStarts byAmendment(LocalDate validFrom, LocalDate validTo) {
            return new ValidityEndsBeforeItStarts(validFrom, validTo, "validTo");
        }
    }

    /** Nothing happens to an agreement before the day it was signed. */
    @ProblemType("dated-before-signature")
    static final class DatedBeforeSignature extends RuleViolated {

        DatedBeforeSignature(String agreementId, String field, LocalDate date, LocalDate signedOn) {
            super(
                    "Agreement " + agreementId + " was signed on " + signedOn + "; " + field + " " + date
                            + " is earlier",
                    field);
            arguments(agreementId, signedOn, field, date);
        }
    }

    /** A unit records facts only of agreements its province is party to. */
    @ProblemType("not-a-party-to-agreement")
    public static final class NotAPartyToAgreement extends NotEntitled {

        public NotAPartyToAgreement(String agreementId, String province) {
            super("Province " + province + " is not a party to agreement " + agreementId);
            arguments(province, agreementId);
        }
    }

    /** Nothing is recorded on an agreement after its termination. */
    @ProblemType("agreement-already-terminated")
    static final class AgreementAlreadyTerminated extends StateConflict {

        AgreementAlreadyTerminated(String agreementId) {
            super("Agreement " + agreementId + " is terminated");
            arguments(agreementId);
        }
    }

    @ProblemType("review-period-ends-before-it-starts")
    static final class ReviewPeriodEndsBeforeItStarts extends RuleViolated {

        ReviewPeriodEndsBeforeItStarts(LocalDate periodFrom, LocalDate periodTo) {
            super(
                    "The period reviewed ends on " + periodTo + ", before it starts on " + periodFrom,
                    "periodFrom",
                    "periodTo");
            arguments(periodFrom, periodTo);
        }
    }
}
