package org.borderledger.command.province;

import java.time.LocalDate;
import java.util.List;
import org.borderledger.command.NotEntitled;
import org.borderledger.command.ProblemType;
import org.borderledger.command.RuleViolated;
import org.borderledger.events.Provinces;

/** What every slice refuses about provinces over time, one class per refusal; each states its public problem type. */
public final class ProvinceRefusals {

    private ProvinceRefusals() {}

    /** A well-formed province code that the reference data does not hold. */
    @ProblemType("province-not-in-reference-data")
    public static final class NotInReferenceData extends RuleViolated {

        NotInReferenceData(String province, String field) {
            super("Province " + province + " is not in the ledger's reference data (GET /api/jurisdictions)", field);
            arguments(province);
        }
    }

    /** A fact names a province that does not exist on the fact's date. */
    @ProblemType("province-not-valid-on-date")
    public static final class ProvinceNotValidOn extends RuleViolated {

        ProvinceNotValidOn(
                String province, LocalDate date, String validity, List<String> successors, String... fields) {
            super(
                    "Province " + province + " is valid " + validity + ", not on " + date + "; continued by: "
                            + continuedBy(successors),
                    fields);
            arguments(province, validity, date, continuedBy(successors));
        }
    }

    /**
     * A unit of a province that has ended records no fact dated after the end; its successor's units do. The token
     * stays valid for facts dated before the end.
     */
    @ProblemType("province-ended")
    public static final class ProvinceEnded extends NotEntitled {

        ProvinceEnded(String province, LocalDate end, LocalDate date, List<String> successors, String field) {
            super(
                    "Province " + province + " ended on " + end + "; a fact dated " + date
                            + " is recorded by a unit of " + continuedBy(successors),
                    field);
            arguments(province, end, date, continuedBy(successors));
        }
    }

    /**
     * The submitter's province continues more than one province of the fact's date (the An Giang formed in 2025
     * continues Kiên Giang and the earlier An Giang): the request names which.
     */
    @ProblemType("province-of-the-date-not-named")
    public static final class ProvinceOfTheDateNotNamed extends RuleViolated {

        ProvinceOfTheDateNotNamed(String province, LocalDate date, List<String> candidates, String field) {
            super(
                    "On " + date + " province " + province
                            + " did not exist yet; name the province of that date, one of "
                            + String.join(", ", candidates),
                    field);
            arguments(province, date, String.join(", ", candidates));
        }
    }

    /** From 1 July 2025 a place in Viet Nam is a commune, ward or special zone of its province, with no district. */
    @ProblemType("district-after-reform")
    public static final class DistrictAfterReform extends RuleViolated {

        DistrictAfterReform(String province, LocalDate date, String field) {
            super(
                    "On " + date + " province " + province + " has no districts (Viet Nam's district level ended on "
                            + Provinces.VIETNAM_WITHOUT_DISTRICTS_FROM + "); leave the district out",
                    field);
            arguments(province, date, Provinces.VIETNAM_WITHOUT_DISTRICTS_FROM);
        }
    }

    /** The codes of the provinces that continue one, in order, or a dash when none does. */
    private static String continuedBy(List<String> successors) {
        return successors.isEmpty() ? "-" : String.join(", ", successors);
    }
}
