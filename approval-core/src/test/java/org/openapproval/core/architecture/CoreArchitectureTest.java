package org.openapproval.core.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The hexagon of approval-core: the domain stands on the JDK alone; core never touches the libraries
 * adapters are built with, nor adapters or the CLI; Guice stays in core.guice; ports and the
 * application layer do not reach outwards.
 */
@AnalyzeClasses(packages = "org.openapproval.core", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreArchitectureTest {
    private static final String CORE = "org.openapproval.core";
    private static final String DOMAIN = CORE + ".domain..";
    private static final String PORT_IN = CORE + ".port.in..";
    private static final String PORT_OUT = CORE + ".port.out..";
    private static final String APPLICATION = CORE + ".application..";
    private static final String SPI = CORE + ".spi..";
    private static final String GUICE = CORE + ".guice..";
    private static final String INMEMORY = CORE + ".inmemory..";
    private static final String BOOTSTRAP = CORE + ".bootstrap..";
    private static final String OBSERVATION = CORE + ".observation..";

    @ArchTest
    static final ArchRule domainDependsOnTheJdkOnly = classes().that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, "java..")
            .because("the domain must be testable and usable without any framework or port");

    @ArchTest
    static final ArchRule coreNeverUsesAdapterLibraries = noClasses().that().resideInAPackage(CORE + "..")
            .should().dependOnClassesThat().resideInAnyPackage("feign..", "org.mapstruct..", "com.fasterxml.jackson..")
            .because("Feign, MapStruct and Jackson are adapter concerns");

    @ArchTest
    static final ArchRule coreNeverUsesAdaptersOrTheCli = noClasses().that().resideInAPackage(CORE + "..")
            .should().dependOnClassesThat().resideInAnyPackage("org.openapproval.adapter..", "org.openapproval.cli..")
            .because("dependencies point inwards: adapters and the CLI depend on core, never the reverse");

    @ArchTest
    static final ArchRule guiceOnlyInTheGuiceModule = noClasses().that().resideInAPackage(CORE + "..")
            .and().resideOutsideOfPackage(GUICE)
            .should().dependOnClassesThat().resideInAnyPackage("com.google.inject..", "jakarta.inject..")
            .because("Guice is an optional dependency used only by core.guice");

    @ArchTest
    static final ArchRule micrometerOnlyInTheObservationPackage = noClasses().that().resideInAPackage(CORE + "..")
            .and().resideOutsideOfPackage(OBSERVATION)
            .should().dependOnClassesThat().resideInAnyPackage("io.micrometer..")
            .because("Micrometer is an optional dependency: an application without it must never load a class "
                    + "that needs it, so only core.observation may use it");

    @ArchTest
    static final ArchRule nothingDependsOnTheObservationPackage = noClasses().that().resideInAPackage(CORE + "..")
            .and().resideOutsideOfPackage(OBSERVATION)
            .should().dependOnClassesThat().resideInAnyPackage(OBSERVATION)
            .because("the application picks the Micrometer observer; core reaches it only through ApprovalObserver");

    @ArchTest
    static final ArchRule coreLogsThroughSlf4jOnly = noClasses().that().resideInAPackage(CORE + "..")
            .should().dependOnClassesThat().haveFullyQualifiedName("java.lang.System$Logger")
            .orShould().dependOnClassesThat().resideInAnyPackage("java.util.logging..", "org.apache.logging..",
                    "ch.qos.logback..")
            .because("one logging facade, SLF4J, across all modules; the application routes it");

    @ArchTest
    static final ArchRule portsDoNotReachOutwards = noClasses().that().resideInAnyPackage(PORT_IN, PORT_OUT)
            .should().dependOnClassesThat().resideInAnyPackage(APPLICATION, GUICE, INMEMORY, BOOTSTRAP, CORE)
            .because("ports are contracts; implementations depend on them, not the other way round");

    @ArchTest
    static final ArchRule applicationDependsOnPortsNotOnProviders = noClasses().that().resideInAPackage(APPLICATION)
            .should().dependOnClassesThat().resideInAnyPackage(GUICE, INMEMORY, BOOTSTRAP)
            .because("use cases orchestrate ports; which provider fills them is decided at the edges");

    @ArchTest
    static final ArchRule spiDoesNotDependOnImplementations = noClasses().that().resideInAPackage(SPI)
            .should().dependOnClassesThat().resideInAnyPackage(APPLICATION, GUICE, INMEMORY, BOOTSTRAP)
            .because("plugin authors implement the SPI without pulling in core's implementations");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching(CORE + ".(**)").should().beFreeOfCycles()
            .because("a package cycle (once port.in -> spi -> port.out -> port.in) makes the parts impossible to "
                    + "understand or split apart one by one");

    @ArchTest
    static final ArchRule coreCarriesNoSandboxOrServerCode = noClasses().that().resideInAPackage(CORE + "..")
            .should().dependOnClassesThat().resideInAnyPackage("org.openapproval.sandbox..", "org.openapproval.tck..",
                    "com.sun.net.httpserver..", "org.junit..")
            .because("a production jar carries no simulator, fault or HTTP-server code");

    /** Guards the rules above against passing vacuously: every package they name holds classes. */
    @ArchTest
    static void everyPackageTheRulesNameHasClasses(JavaClasses imported) {
        for (String pkg : List.of(DOMAIN, PORT_IN, PORT_OUT, APPLICATION, SPI, GUICE, INMEMORY, BOOTSTRAP, OBSERVATION)) {
            assertFalse(imported.that(com.tngtech.archunit.base.DescribedPredicate.describe(pkg,
                    (com.tngtech.archunit.core.domain.JavaClass c) -> c.getPackageName()
                            .startsWith(pkg.substring(0, pkg.length() - 2)))).isEmpty(), pkg + " has no classes");
        }
        assertFalse(imported.that(com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage(CORE))
                .isEmpty(), CORE + " has no classes");
    }
}
