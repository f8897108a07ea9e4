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
import java.util.concurrent.Executors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Repository;

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

    /**
     * One projection is read in its own package and {@code readmodel}: the statements of a view ({@code SequencedView},
     * {@code Row}) and the batching writer ({@code ReadModelWrites}), which knows no feature, no rebuild and no topic.
     */
    @ArchTest
    static final ArchRule theReadModelPackageKnowsNoFeatureNorRebuild = noClasses()
            .that()
            .resideInAPackage("org.borderledger.query.readmodel..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.borderledger.query.agreement..",
                    "org.borderledger.query.repatriation..",
                    "org.borderledger.query.marker..",
                    "org.borderledger.query.indicator..",
                    "org.borderledger.query.statistics..",
                    "org.borderledger.query.fact..",
                    "org.borderledger.query.position..",
                    "org.borderledger.query.replay..",
                    "org.borderledger.query.consistency..",
                    "org.borderledger.query.rebuild..",
                    "org.borderledger.query.segments..",
                    "org.borderledger.query.infra..");

    /**
     * Projections write; nothing else writes a read model: the writer is used by the {@code …Projection} classes, by
     * the dead-letter gate (which makes it run one statement at a time) and by the shadow of a consistency check.
     */
    @ArchTest
    static final ArchRule onlyProjectionsWriteTheReadModels = noClasses()
            .that()
            .haveSimpleNameNotEndingWith("Projection")
            .and()
            .resideOutsideOfPackages(
                    "org.borderledger.query.readmodel..",
                    "org.borderledger.query.deadletter..",
                    "org.borderledger.query.consistency..")
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName("org.borderledger.query.readmodel.ReadModelWrites");

    /** Readers of tables are {@code @Repository} classes named {@code …Repository}, and every such name is one. */
    @ArchTest
    static final ArchRule repositoriesAreNamedSo =
            classes().that().areAnnotatedWith(Repository.class).should().haveSimpleNameEndingWith("Repository");

    @ArchTest
    static final ArchRule everyRepositoryIsARepository =
            classes().that().haveSimpleNameEndingWith("Repository").should().beAnnotatedWith(Repository.class);

    /**
     * Replays and checks run on the services' one background-job lifecycle ({@code BackgroundJobs}, through
     * {@code ReadModelJobs}): none starts an executor of its own.
     */
    @ArchTest
    static final ArchRule replaysAndChecksRunOnTheSharedJobRunner = noClasses()
            .that()
            .resideInAnyPackage(
                    "org.borderledger.query.replay..",
                    "org.borderledger.query.consistency..",
                    "org.borderledger.query.rebuild..")
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName(Executors.class.getName());

    private static DescribedPredicate<JavaClass> inTheProjectionsGroup() {
        return DescribedPredicate.describe(
                "are annotated @ProcessingGroup(\"projections\")",
                type -> type.isAnnotatedWith(ProcessingGroup.class)
                        && "projections"
                                .equals(type.getAnnotationOfType(ProcessingGroup.class)
                                        .value()));
    }
}
