package org.openapproval.sandbox.nocoly;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.openapproval.tck.ArchitectureRules;

/** The sandbox is written from the vendor's documents: it never sees the provider's classes. */
@AnalyzeClasses(packages = "org.openapproval.sandbox.nocoly", importOptions = ImportOption.DoNotIncludeTests.class)
class NocolySandboxArchitectureTest {
    @ArchTest
    static final ArchRule independentOfTheProvider = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.openapproval.adapter..", "feign..", "org.mapstruct..", "com.google.inject..")
            .because("a misread field must not hide on both sides of the wire");

    @ArchTest
    static final ArchRule noPackageCycles = ArchitectureRules.noPackageCycles("org.openapproval.sandbox.nocoly")
            .allowEmptyShould(true);

    @ArchTest
    static void noMutableStaticState(JavaClasses classes) {
        ArchitectureRules.noMutableStaticState().forEach(rule -> rule.check(classes));
    }
}
