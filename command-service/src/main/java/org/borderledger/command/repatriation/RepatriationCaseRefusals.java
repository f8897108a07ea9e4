package org.borderledger.command.repatriation;

import java.time.LocalDate;
import org.borderledger.command.NotEntitled;
import org.borderledger.command.ProblemType;
import org.borderledger.command.RuleViolated;

/** What a repatriation case refuses, one class per refusal; each states its public problem type. */
final class RepatriationCaseRefusals {

    private RepatriationCaseRefusals() {}

    /** Not an ISO 3166-2 province code of either side, such as {@code VN-47} or {@code KH-7}. */
    @ProblemType("unknown-province")
    static final class UnknownProvince extends RuleViolated {

        UnknownProvince(String province, String field) {
            super("'" + province + "' is not a province code of Vietnam (VN-..) or Cambodia (KH-..)", field);
            arguments(province);
        }
    }

    /** Only units of the province that opened a case, or of the province searched, record its facts. */
    @ProblemType("case-of-another-province")
    static final class CaseOfAnotherProvince extends NotEntitled {

        CaseOfAnotherProvince(String caseId, String province) {
            super("Case " + caseId + " does not belong to province " + province);
            arguments(caseId, province);
        }
    }

    /** A unit opens search cases for itself: the searching unit is the submitting unit, never another one. */
    @ProblemType("case-for-another-unit")
    static final class CaseForAnotherUnit extends NotEntitled {

        CaseForAnotherUnit(String searchingUnit, String submittingUnit) {
            super(
                    "Unit " + submittingUnit + " cannot open a case searched by another unit (" + searchingUnit + ")",
                    "searchingUnit");
            arguments(submittingUnit, searchingUnit);
        }
    }

    @ProblemType("count-not-positive")
    static final class CountNotPositive extends RuleViolated {

        CountNotPositive(int count) {
            super("The number of remains must be positive, not " + count, "count");
            arguments(String.valueOf(count));
        }
    }

    /** Remains of a case are recovered in the province the case searches. */
    @ProblemType("recovery-outside-search-province")
    static final class RecoveryOutsideSearchProvince extends RuleViolated {

        RecoveryOutsideSearchProvince(String caseId, String siteProvince, String searchProvince) {
            super(
                    "Case " + caseId + " searches " + searchProvince + "; a recovery site in " + siteProvince
                            + " belongs to another case",
                    "site.province");
            arguments(caseId, searchProvince, siteProvince);
        }
    }

    /** The total repatriated in a case never exceeds the total recovered. */
    @ProblemType("more-repatriated-than-recovered")
    static final class MoreRepatriatedThanRecovered extends RuleViolated {

        MoreRepatriatedThanRecovered(String caseId, int count, long awaitingRepatriation) {
            super(
                    "Case " + caseId + " has " + awaitingRepatriation + " recovered remains awaiting repatriation; "
                            + count + " cannot be repatriated",
                    "count");
            arguments(caseId, String.valueOf(awaitingRepatriation), String.valueOf(count));
        }
    }

    /** A repatriation cannot precede the case's first recovery, nor come when nothing has been recovered. */
    @ProblemType("repatriation-before-recovery")
    static final class RepatriationBeforeRecovery extends RuleViolated {

        private final boolean noRecovery;

        RepatriationBeforeRecovery(String caseId, LocalDate repatriatedOn, LocalDate firstRecoveredOn) {
            super(
                    firstRecoveredOn == null
                            ? "Case " + caseId + " has no recovery yet; nothing can be repatriated"
                            : "Case " + caseId + " cannot record a repatriation on " + repatriatedOn
                                    + ", before its first recovery on " + firstRecoveredOn,
                    "repatriatedOn");
            this.noRecovery = firstRecoveredOn == null;
            arguments(caseId, repatriatedOn, firstRecoveredOn);
        }

        @Override
        public String getDetailMessageCode() {
            return super.getDetailMessageCode() + (noRecovery ? ".none" : "");
        }
    }
}
