package org.borderledger.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.borderledger.command.agreement.AgreementRefusals.NotAPartyToAgreement;
import org.borderledger.command.marker.MarkerRefusals.MarkerAlreadyCompleted;
import org.borderledger.command.web.AlreadyExists;
import org.junit.jupiter.api.Test;

/**
 * The problem type names of the refusals are public API: clients switch on them. This list changes only when the API
 * does, never because a class was renamed or moved.
 */
class ProblemTypeNamesTest {

    static final Set<String> PUBLIC_NAMES = Set.of(
            "agreement-already-terminated",
            "already-exists",
            "case-for-another-unit",
            "case-of-another-province",
            "completion-already-reported",
            "completion-not-reported",
            "completion-report-from-other-side",
            "confirmation-before-completion",
            "confirmation-from-same-side",
            "correction-changes-nothing",
            "count-not-positive",
            "dated-before-signature",
            "idempotency-key-reused",
            "indicator-of-another-province",
            "marker-already-completed",
            "marker-already-damaged",
            "marker-not-completed",
            "marker-not-damaged",
            "marker-of-another-province",
            "more-repatriated-than-recovered",
            "negative-indicator-value",
            "not-a-party-to-agreement",
            "parties-not-one-per-country",
            "period-ends-before-it-starts",
            "plan-from-other-side",
            "recovery-outside-search-province",
            "repair-before-damage",
            "repatriation-before-recovery",
            "republication-busy",
            "review-period-ends-before-it-starts",
            "signatory-of-no-party",
            "unknown-province",
            "validity-ends-before-it-starts",
            "province-not-in-reference-data",
            "province-not-valid-on-date",
            "province-ended",
            "province-of-the-date-not-named",
            "district-after-reform",
            "report-for-another-province",
            "change-already-proposed",
            "change-not-proposed",
            "change-already-approved",
            "approval-from-same-side",
            "inconsistent-reference-data",
            "approval-before-proposal",
            "partner-of-same-side");

    private final List<JavaClass> refusals = new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("org.borderledger.command")
                    .stream()
                    .filter(type -> type.isAssignableTo(Refusal.class))
                    .filter(type -> !type.getModifiers().contains(JavaModifier.ABSTRACT))
                    .toList();

    @Test
    void everyRefusalStatesItsName() {
        assertThat(refusals).isNotEmpty().allSatisfy(type -> assertThat(type.isAnnotatedWith(ProblemType.class))
                .as("%s is annotated @ProblemType", type.getName())
                .isTrue());
    }

    @Test
    void theNamesAreExactlyThePublishedOnesAndEachNamesOneRefusal() {
        List<String> names = refusals.stream()
                .map(type -> type.getAnnotationOfType(ProblemType.class).value())
                .toList();

        assertThat(names).doesNotHaveDuplicates();
        assertThat(names.stream().collect(Collectors.toSet())).isEqualTo(PUBLIC_NAMES);
    }

    @Test
    void aRefusalAnswersWithTheNameItStates() {
        assertThat(new MarkerAlreadyCompleted("314/1").type()).isEqualTo("marker-already-completed");
        assertThat(new NotAPartyToAgreement("AGR-1", "VN-44").type()).isEqualTo("not-a-party-to-agreement");
        assertThat(new AlreadyExists("m-1", "Marker").type()).isEqualTo("already-exists");
    }
}
