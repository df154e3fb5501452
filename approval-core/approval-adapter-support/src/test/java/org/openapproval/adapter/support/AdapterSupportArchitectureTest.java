package org.openapproval.adapter.support;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.openapproval.tck.ArchitectureRules;

/** The support kit is vendor-neutral production code: no adapter, sandbox or test harness in it. */
@AnalyzeClasses(packages = "org.openapproval.adapter.support", importOptions = ImportOption.DoNotIncludeTests.class)
class AdapterSupportArchitectureTest {
    @ArchTest
    static final ArchRule vendorNeutral = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.openapproval.adapter.fxiaoke..", "org.openapproval.adapter.nocoly..",
                    "org.openapproval.sandbox..", "org.openapproval.tck..", "com.sun.net.httpserver..",
                    "org.openapproval.core.inmemory..", "org.openapproval.core.application..")
            .because("every adapter builds on this kit; it must know no vendor and carry no test harness");

    @ArchTest
    static final ArchRule noPackageCycles = ArchitectureRules.noPackageCycles("org.openapproval.adapter.support")
            .allowEmptyShould(true);

    @ArchTest
    static void noMutableStaticState(JavaClasses classes) {
        ArchitectureRules.noMutableStaticState().forEach(rule -> rule.check(classes));
    }
}
