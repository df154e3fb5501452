package org.openapproval.adapter.fxiaoke.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.openapproval.tck.AdapterArchitectureRules;

/** The boundaries every adapter keeps (shared with the other adapters through the TCK). */
@AnalyzeClasses(packages = FxiaokeArchitectureTest.ROOT, importOptions = ImportOption.DoNotIncludeTests.class)
class FxiaokeArchitectureTest {
    static final String ROOT = "org.openapproval.adapter.fxiaoke";

    @ArchTest
    static void adapterBoundariesHold(JavaClasses imported) {
        List<ArchRule> rules = AdapterArchitectureRules.all(ROOT, "FxiaokeApprovalProvider");
        rules.forEach(rule -> rule.check(imported));
    }

    @ArchTest
    static void everyPackageTheRulesNameHasClasses(JavaClasses imported) {
        AdapterArchitectureRules.requirePackagesHaveClasses(imported, ROOT);
    }
}
