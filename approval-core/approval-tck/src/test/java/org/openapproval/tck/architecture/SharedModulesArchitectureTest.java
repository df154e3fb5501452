package org.openapproval.tck.architecture;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openapproval.tck.ArchitectureRules;

/**
 * The module-wide rules for approval-core, the sandbox kit and the TCK itself. Core and the kit cannot
 * use the TCK in their own tests (the TCK depends on them), so their share of the rules runs here;
 * core's hexagon rules and its cycle rule also run in core's own {@code CoreArchitectureTest}.
 */
class SharedModulesArchitectureTest {

    @ParameterizedTest
    @ValueSource(strings = {"org.openapproval.core", "org.openapproval.sandbox", "org.openapproval.tck"})
    void noPackageCycles(String root) {
        JavaClasses classes = production(root);
        ArchitectureRules.noPackageCycles(root).check(classes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"org.openapproval.core", "org.openapproval.sandbox", "org.openapproval.tck"})
    void noMutableStaticState(String root) {
        JavaClasses classes = production(root);
        ArchitectureRules.noMutableStaticState().forEach(rule -> rule.check(classes));
    }

    /** The rules bite: a cycle and a static map in the fixtures below are reported. */
    @Test
    void theRulesBite() {
        JavaClasses fixtures = new ClassFileImporter().importPackages("org.openapproval.tck.architecture.fixture");
        assertFalse(fixtures.isEmpty());
        ArchRule cycles = ArchitectureRules.noPackageCycles("org.openapproval.tck.architecture.fixture");
        assertThrows(AssertionError.class, () -> cycles.check(fixtures),
                "a package cycle must be reported");
        List<ArchRule> statics = ArchitectureRules.noMutableStaticState();
        assertThrows(AssertionError.class, () -> statics.get(1).check(fixtures),
                "a static map must be reported");
        assertThrows(AssertionError.class, () -> statics.get(0).check(fixtures),
                "a non-final static field must be reported");
    }

    private static JavaClasses production(String root) {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(root);
        assertFalse(classes.that(JavaClass.Predicates.resideInAPackage(root + "..")).isEmpty(), root + " has no classes");
        return classes;
    }
}
