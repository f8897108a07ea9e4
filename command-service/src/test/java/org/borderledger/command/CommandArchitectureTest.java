package org.borderledger.command;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.implement;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.spring.stereotype.Aggregate;
import org.borderledger.command.web.Accepted;
import org.borderledger.command.web.BatchWrites;
import org.borderledger.command.web.Ids;
import org.borderledger.command.web.SubmissionContext;
import org.borderledger.command.web.Submissions;
import org.borderledger.command.web.Write;
import org.springframework.stereotype.Repository;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@AnalyzeClasses(packages = "org.borderledger.command", importOptions = ImportOption.DoNotIncludeTests.class)
class CommandArchitectureTest {

    private static final String[] FEATURES = {
        "org.borderledger.command.agreement..",
        "org.borderledger.command.repatriation..",
        "org.borderledger.command.marker..",
        "org.borderledger.command.indicator..",
        "org.borderledger.command.jurisdiction.."
    };

    /**
     * The slices are agreement, repatriation, marker, indicator and jurisdiction, each an aggregate with its commands,
     * refusals, requests, controller (and for the facts, state as of a date). Each keeps its rules to itself: an agreement never asks a marker
     * what it knows.
     */
    @ArchTest
    static final ArchRule featuresDoNotReachIntoEachOther = slices().matching(
                    "org.borderledger.command.(agreement|repatriation|marker|indicator|jurisdiction)..")
            .should()
            .notDependOnEachOther();

    /**
     * A slice's controller reaches the rest of the ledger only through the submission service: no aggregate, no Axon,
     * no database, no other slice's requests.
     */
    @ArchTest
    static final ArchRule controllersReachOnlyTheSubmissionService = noClasses()
            .that()
            .resideInAnyPackage(FEATURES)
            .and()
            .areAnnotatedWith(RestController.class)
            .should()
            .dependOnClassesThat(resideInAnyPackage("org.axonframework..", "org.springframework.jdbc..")
                    .or(annotatedWith(Aggregate.class))
                    .or(annotatedWith(Repository.class)))
            .orShould()
            .dependOnClassesThat(resideInAPackage("org.borderledger.command.web..")
                    .and(not(belongToAnyOf(
                            Submissions.class,
                            SubmissionContext.class,
                            Accepted.class,
                            Write.class,
                            BatchWrites.class,
                            Ids.class))));

    /** Each write of a slice is a {@code @PostMapping} of its controller that hands the write to the submission service. */
    @ArchTest
    static final ArchRule everyPostMappingOfASliceSubmitsOneWrite = methods()
            .that()
            .areAnnotatedWith(PostMapping.class)
            .and()
            .areDeclaredInClassesThat()
            .resideInAnyPackage(FEATURES)
            .should(new ArchCondition<JavaMethod>("submit one write through Submissions.submitOne") {
                @Override
                public void check(JavaMethod method, ConditionEvents events) {
                    boolean submits = method.getMethodCallsFromSelf().stream()
                            .anyMatch(call -> call.getTargetOwner().isEquivalentTo(Submissions.class)
                                    && call.getName().equals("submitOne"));
                    events.add(new SimpleConditionEvent(
                            method, submits, method.getFullName() + (submits ? " submits" : " submits no write")));
                }
            });

    /** An aggregate is its rules: it knows neither HTTP nor the write path that brings it commands. */
    @ArchTest
    static final ArchRule aggregatesKnowNoWeb = noClasses()
            .that()
            .areAnnotatedWith(Aggregate.class)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.borderledger.command.web..", "org.springframework.web..", "jakarta.servlet..");

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

    /** Readers and writers of the write service's own tables are {@code @Repository} classes named {@code …Repository}. */
    @ArchTest
    static final ArchRule repositoriesAreNamedSo =
            classes().that().areAnnotatedWith(Repository.class).should().haveSimpleNameEndingWith("Repository");
}
