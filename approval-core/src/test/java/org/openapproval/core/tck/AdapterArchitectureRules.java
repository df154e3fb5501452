package org.openapproval.core.tck;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The boundaries every vendor adapter keeps, for an adapter laid out as DESIGN.md says
 * ({@code <root>}, {@code .client}, {@code .dto}, {@code .mapping}, {@code .sandbox}): the sandbox is written
 * from the vendor's documents and shares nothing with the client side; DTOs are plain Jackson records;
 * mappers do not call the vendor; no adapter touches another adapter, the CLI or core's internals.
 * An adapter's architecture test checks {@link #all} and {@link #requirePackagesHaveClasses}.
 */
public final class AdapterArchitectureRules {
    private AdapterArchitectureRules() {
    }

    /**
     * @param root              the adapter's root package, e.g. {@code org.openapproval.adapter.fxiaoke}
     * @param providerClassName simple name of the public provider (the one class that may hand out the sandbox)
     */
    public static List<ArchRule> all(String root, String providerClassName) {
        String client = root + ".client..";
        String dto = root + ".dto..";
        String mapping = root + ".mapping..";
        String sandbox = root + ".sandbox..";
        return List.of(
                noClasses().that().resideInAPackage(sandbox)
                        .should().dependOnClassesThat().resideInAnyPackage(client, dto, mapping, root)
                        .because("the sandbox is written from the vendor's documents, not from the adapter's "
                                + "reading of them"),
                noClasses().that().resideInAnyPackage(client, dto, mapping)
                        .or().resideInAPackage(root).and().doNotHaveSimpleName(providerClassName)
                        .should().dependOnClassesThat().resideInAPackage(sandbox)
                        .because("only the provider hands out its sandbox, through the core SPI"),
                classes().that().resideInAPackage(dto)
                        .should().onlyDependOnClassesThat().resideInAnyPackage(dto, "java..", "com.fasterxml.jackson..")
                        .because("DTOs mirror the vendor's JSON and nothing else"),
                noClasses().that().resideInAPackage(mapping)
                        .should().dependOnClassesThat().resideInAnyPackage(client, "feign..", "com.google.inject..")
                        .because("mapping is pure data conversion"),
                noClasses().that().resideInAPackage(root + "..")
                        .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("org.openapproval.adapter..")
                                .and(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage(root + ".."))))
                        .because("each adapter stands alone behind the core SPI"),
                noClasses().that().resideInAPackage(root + "..")
                        .should().dependOnClassesThat().resideInAnyPackage("org.openapproval.cli..",
                                "org.openapproval.core.application..", "org.openapproval.core.testing..",
                                "org.openapproval.core.guice..")
                        .because("an adapter plugs in through the SPI and ports only"));
    }

    /** Guards the rules against passing vacuously: every package they name holds classes. */
    public static void requirePackagesHaveClasses(JavaClasses imported, String root) {
        for (String pkg : List.of(root, root + ".client..", root + ".dto..", root + ".mapping..", root + ".sandbox..")) {
            assertFalse(imported.that(JavaClass.Predicates.resideInAPackage(pkg)).isEmpty(), pkg + " has no classes");
        }
    }
}
