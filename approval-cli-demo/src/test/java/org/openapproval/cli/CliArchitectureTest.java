package org.openapproval.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The CLI finds adapters by ServiceLoader only: never a compile-time reference to an adapter class. It is wired
 * by hand, and only its JSON output touches Jackson, so listing providers starts fast.
 */
@AnalyzeClasses(packages = "org.openapproval.cli", importOptions = ImportOption.DoNotIncludeTests.class)
class CliArchitectureTest {

    @ArchTest
    static final ArchRule cliNeverUsesAdapterClasses = noClasses().that().resideInAPackage("org.openapproval.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("org.openapproval.adapter..",
                    "org.openapproval.core.application..", "org.openapproval.core.inmemory..", "feign..",
                    "org.mapstruct..")
            .because("adapters are runtime plugins and the CLI uses the core's public API");

    @ArchTest
    static final ArchRule cliIsWiredByHand = noClasses().that().resideInAPackage("org.openapproval.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("com.google.inject..", "jakarta.inject..")
            .because("CliFactory creates the commands: an injector's classes cost more start-up than the CLI needs");

    @ArchTest
    static final ArchRule onlyJsonOutputUsesJackson = noClasses().that().resideInAPackage("org.openapproval.cli..")
            .and().doNotHaveFullyQualifiedName(Renderer.class.getName() + "$Json")
            .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson..")
            .because("Jackson is loaded with the first JSON document only, never for tables");

    @ArchTest
    static void theCliPackageHasClasses(JavaClasses imported) {
        assertFalse(imported.that(JavaClass.Predicates.resideInAPackage("org.openapproval.cli")).isEmpty());
    }
}
