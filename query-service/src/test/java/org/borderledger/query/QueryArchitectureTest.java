package org.borderledger.query;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

@AnalyzeClasses(packages = "org.borderledger.query", importOptions = ImportOption.DoNotIncludeTests.class)
class QueryArchitectureTest {

    @ArchTest
    static final ArchRule featuresDoNotReachIntoEachOther = slices().matching(
                    "org.borderledger.query.(agreement|repatriation|marker|indicator|statistics|fact)..")
            .should()
            .notDependOnEachOther();

    @ArchTest
    static final ArchRule webKnowsNoFeature = noClasses()
            .that()
            .resideInAPackage("org.borderledger.query.web..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.borderledger.query.agreement..",
                    "org.borderledger.query.repatriation..",
                    "org.borderledger.query.marker..",
                    "org.borderledger.query.indicator..",
                    "org.borderledger.query.statistics..",
                    "org.borderledger.query.fact..",
                    "org.borderledger.query.position..");

    /**
     * Replays, checks, dead-letter retries and the segments' layout and balancing drive the projections through Axon
     * and read the tables, never a feature's classes.
     */
    @ArchTest
    static final ArchRule rebuildsKnowNoFeature = noClasses()
            .that()
            .resideInAnyPackage(
                    "org.borderledger.query.replay..",
                    "org.borderledger.query.consistency..",
                    "org.borderledger.query.rebuild..",
                    "org.borderledger.query.deadletter..",
                    "org.borderledger.query.segments..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.borderledger.query.agreement..",
                    "org.borderledger.query.repatriation..",
                    "org.borderledger.query.marker..",
                    "org.borderledger.query.indicator..",
                    "org.borderledger.query.statistics..",
                    "org.borderledger.query.fact..",
                    "org.borderledger.query.position..");

    @ArchTest
    static final ArchRule featuresKnowNothingOfRebuilds = noClasses()
            .that()
            .resideInAnyPackage(
                    "org.borderledger.query.agreement..",
                    "org.borderledger.query.repatriation..",
                    "org.borderledger.query.marker..",
                    "org.borderledger.query.indicator..",
                    "org.borderledger.query.statistics..",
                    "org.borderledger.query.fact..",
                    "org.borderledger.query.position..",
                    "org.borderledger.query.web..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.borderledger.query.replay..",
                    "org.borderledger.query.consistency..",
                    "org.borderledger.query.rebuild..",
                    "org.borderledger.query.deadletter..",
                    "org.borderledger.query.segments..");

    /**
     * The segments are laid out and shared before and beside replays and checks; a replay asks them to rewind, never
     * the other way round.
     */
    @ArchTest
    static final ArchRule theSegmentsKnowNeitherReplaysNorChecks = noClasses()
            .that()
            .resideInAPackage("org.borderledger.query.segments..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.borderledger.query.replay..", "org.borderledger.query.consistency..");

    /** Replays and checks share the job runner, the lock and the topic log in {@code rebuild}, not each other. */
    @ArchTest
    static final ArchRule replaysAndChecksShareOnlyTheRebuildPackage = slices().matching(
                    "org.borderledger.query.(replay|consistency)..")
            .should()
            .notDependOnEachOther();

    @ArchTest
    static final ArchRule theRebuildPackageKnowsNeitherReplaysNorChecks = noClasses()
            .that()
            .resideInAPackage("org.borderledger.query.rebuild..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.borderledger.query.replay..", "org.borderledger.query.consistency..");

    @ArchTest
    static final ArchRule theReadSideNeverUsesTheWriteSide =
            noClasses().should().dependOnClassesThat().resideInAPackage("org.borderledger.command..");

    /** Every event handler runs in the one Kafka-sourced processor, in the transaction that records positions. */
    @ArchTest
    static final ArchRule everyEventHandlerIsInTheProjectionsGroup = methods()
            .that()
            .areAnnotatedWith(EventHandler.class)
            .should()
            .beDeclaredInClassesThat(inTheProjectionsGroup());

    @ArchTest
    static final ArchRule featureClassesArePackagePrivate = classes()
            .that()
            .resideInAnyPackage(
                    "org.borderledger.query.agreement..",
                    "org.borderledger.query.repatriation..",
                    "org.borderledger.query.marker..",
                    "org.borderledger.query.indicator..",
                    "org.borderledger.query.statistics..",
                    "org.borderledger.query.fact..")
            .should()
            .notBePublic();

    private static DescribedPredicate<JavaClass> inTheProjectionsGroup() {
        return DescribedPredicate.describe(
                "are annotated @ProcessingGroup(\"projections\")",
                type -> type.isAnnotatedWith(ProcessingGroup.class)
                        && "projections"
                                .equals(type.getAnnotationOfType(ProcessingGroup.class)
                                        .value()));
    }
}
