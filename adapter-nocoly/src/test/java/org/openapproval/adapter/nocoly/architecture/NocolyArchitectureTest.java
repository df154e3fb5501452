package org.openapproval.adapter.nocoly.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/** The same boundaries as the Fxiaoke adapter: the two mirror each other. */
@AnalyzeClasses(packages = "org.openapproval.adapter.nocoly", importOptions = ImportOption.DoNotIncludeTests.class)
class NocolyArchitectureTest {
    private static final String ROOT = "org.openapproval.adapter.nocoly";
    private static final String CLIENT = ROOT + ".client..";
    private static final String DTO = ROOT + ".dto..";
    private static final String MAPPING = ROOT + ".mapping..";
    private static final String SANDBOX = ROOT + ".sandbox..";

    @ArchTest
    static final ArchRule sandboxSharesNothingWithTheClientSide = noClasses().that().resideInAPackage(SANDBOX)
            .should().dependOnClassesThat().resideInAnyPackage(CLIENT, DTO, MAPPING, ROOT)
            .because("the sandbox is written from the fact sheet, not from the adapter's reading of it");

    @ArchTest
    static final ArchRule clientSideNeverUsesTheSandbox = noClasses().that().resideInAnyPackage(CLIENT, DTO, MAPPING)
            .or().resideInAPackage(ROOT).and().doNotHaveSimpleName("NocolyApprovalProvider")
            .should().dependOnClassesThat().resideInAPackage(SANDBOX)
            .because("only the provider hands out its sandbox, through the core SPI");

    @ArchTest
    static final ArchRule dtosAreJacksonRecordsOnly = classes().that().resideInAPackage(DTO)
            .should().onlyDependOnClassesThat().resideInAnyPackage(DTO, "java..", "com.fasterxml.jackson..")
            .because("DTOs mirror the vendor's JSON and nothing else");

    @ArchTest
    static final ArchRule mappersDoNotCallTheVendor = noClasses().that().resideInAPackage(MAPPING)
            .should().dependOnClassesThat().resideInAnyPackage(CLIENT, "feign..", "com.google.inject..")
            .because("mapping is pure data conversion");

    @ArchTest
    static final ArchRule adaptersNeverDependOnEachOther = noClasses().that().resideInAPackage(ROOT + "..")
            .should().dependOnClassesThat().resideInAnyPackage("org.openapproval.adapter.fxiaoke..",
                    "org.openapproval.cli..")
            .because("each adapter stands alone behind the core SPI");

    @ArchTest
    static final ArchRule onlyTheCoresPublicApiIsUsed = noClasses().that().resideInAPackage(ROOT + "..")
            .should().dependOnClassesThat().resideInAnyPackage("org.openapproval.core.application..",
                    "org.openapproval.core.testing..", "org.openapproval.core.guice..")
            .because("an adapter plugs in through the SPI and ports only");

    @ArchTest
    static void everyPackageTheRulesNameHasClasses(JavaClasses imported) {
        for (String pkg : List.of(CLIENT, DTO, MAPPING, SANDBOX)) {
            assertFalse(imported.that(JavaClass.Predicates.resideInAPackage(pkg)).isEmpty(), pkg + " has no classes");
        }
        assertFalse(imported.that(JavaClass.Predicates.resideInAPackage(ROOT)).isEmpty(), ROOT + " has no classes");
    }
}
