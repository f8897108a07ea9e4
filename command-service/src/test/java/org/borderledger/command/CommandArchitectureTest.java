package org.borderledger.command;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.implement;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.spring.stereotype.Aggregate;

@AnalyzeClasses(packages = "org.borderledger.command", importOptions = ImportOption.DoNotIncludeTests.class)
class CommandArchitectureTest {

    private static final String[] FEATURES = {
        "org.borderledger.command.agreement..",
        "org.borderledger.command.repatriation..",
        "org.borderledger.command.marker..",
        "org.borderledger.command.indicator.."
    };

    /** Each aggregate keeps its rules to itself: an agreement never asks a marker what it knows. */
    @ArchTest
    static final ArchRule featuresDoNotReachIntoEachOther = slices().matching(
                    "org.borderledger.command.(agreement|repatriation|marker|indicator)..")
            .should()
            .notDependOnEachOther();

    /** The write path (submissions, idempotency, limits, problem+json) serves every feature and knows none. */
    @ArchTest
    static final ArchRule webKnowsNoFeature = noClasses()
            .that()
            .resideInAPackage("org.borderledger.command.web..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(FEATURES);

    /**
     * Audit reads the event store as stored events; it never runs an aggregate's rules. It reaches a slice only for the
     * slice's state as of a date, which folds the slice's events.
     */
    @ArchTest
    static final ArchRule auditReachesASliceOnlyForItsStateAsOfADate = noClasses()
            .that()
            .resideInAPackage("org.borderledger.command.audit..")
            .should()
            .dependOnClassesThat(resideInAnyPackage(FEATURES).and(not(implement(AuditedState.class))));

    /** Publishing to Kafka, gauges and security know neither features nor the write path. */
    @ArchTest
    static final ArchRule plumbingKnowsNoFeatureAndNoWritePath = noClasses()
            .that()
            .resideInAnyPackage(
                    "org.borderledger.command.publish..",
                    "org.borderledger.command.operations..",
                    "org.borderledger.command.security..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(concat(FEATURES, "org.borderledger.command.web.."));

    /** Framework wiring is a leaf: nothing is written against it. */
    @ArchTest
    static final ArchRule nothingDependsOnTheWiring = noClasses()
            .that()
            .resideOutsideOfPackage("org.borderledger.command.infra..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.borderledger.command.infra..");

    @ArchTest
    static final ArchRule theWriteSideNeverUsesTheReadSide =
            noClasses().should().dependOnClassesThat().resideInAPackage("org.borderledger.query..");

    /** Commands are decided by aggregates only; no service or controller handles one on the side. */
    @ArchTest
    static final ArchRule commandHandlersLiveInAggregates = methods()
            .that()
            .areAnnotatedWith(CommandHandler.class)
            .should()
            .beDeclaredInClassesThat()
            .areAnnotatedWith(Aggregate.class);

    private static String[] concat(String[] packages, String more) {
        String[] all = java.util.Arrays.copyOf(packages, packages.length + 1);
        all[packages.length] = more;
        return all;
    }
}
