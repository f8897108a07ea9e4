package org.borderledger.events;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

@AnalyzeClasses(packages = "org.borderledger.events", importOptions = ImportOption.DoNotIncludeTests.class)
class EventContractArchitectureTest {

    /** Records that events carry as values; every other record in an event package is an event. */
    private static final Set<String> VALUE_RECORDS = Set.of("Signatory", "RecoverySite");

    @ArchTest
    static final ArchRule eventsDependOnTheJdkAndAxonsRevisionAnnotationOnly = classes()
            .should()
            .onlyDependOnClassesThat(resideInAnyPackage("java..", "org.borderledger.events..")
                    .or(name("org.axonframework.serialization.Revision")));

    @Test
    void everyEventRecordIsInTheCatalogue() {
        Set<Class<?>> eventRecords = new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.borderledger.events")
                        .stream()
                        .filter(JavaClass::isRecord)
                        .filter(type -> !type.getPackageName().equals("org.borderledger.events"))
                        .filter(type -> !VALUE_RECORDS.contains(type.getSimpleName()))
                        .map(JavaClass::reflect)
                        .collect(Collectors.toSet());

        assertThat(eventRecords).isNotEmpty().containsExactlyInAnyOrderElementsOf(EventCatalog.EVENTS);
    }
}
