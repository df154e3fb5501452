package org.openapproval.tck;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The boundaries every vendor adapter keeps, for an adapter laid out like the project's own
 * ({@code <root>} with the public provider, {@code .client}, {@code .dto}, {@code .mapping}): DTOs are plain
 * Jackson records; mappers do not call the vendor; no adapter touches another adapter, a sandbox, the CLI
 * or core's internals; no package cycles; no mutable static state. An adapter's architecture test checks
 * {@link #all} and {@link #requirePackagesHaveClasses}.
 */
public final class AdapterArchitectureRules {
    private AdapterArchitectureRules() {
    }

    /**
     * @param root              the adapter's root package, e.g. {@code org.openapproval.adapter.fxiaoke}
     * @param providerClassName simple name of the public provider, the adapter's only public entry in its root package
     */
    public static List<ArchRule> all(String root, String providerClassName) {
        String client = root + ".client..";
        String dto = root + ".dto..";
        String mapping = root + ".mapping..";
        List<ArchRule> rules = new java.util.ArrayList<>(List.of(
                classes().that().resideInAPackage(dto)
                        .should().onlyDependOnClassesThat().resideInAnyPackage(dto, "java..", "com.fasterxml.jackson..")
                        .because("DTOs mirror the vendor's JSON and nothing else"),
                noClasses().that().resideInAPackage(mapping)
                        .should().dependOnClassesThat().resideInAnyPackage(client, "feign..", "com.google.inject..")
                        .because("mapping is pure data conversion"),
                noClasses().that().resideInAPackage(root + "..")
                        .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("org.openapproval.adapter..")
                                .and(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage(root + "..")))
                                .and(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage(
                                        "org.openapproval.adapter.support.."))))
                        .because("each adapter stands alone behind the core SPI, sharing only the adapter support kit"),
                noClasses().that().resideInAPackage(root + "..")
                        .should().dependOnClassesThat().resideInAnyPackage("org.openapproval.cli..",
                                "org.openapproval.core.application..", "org.openapproval.core.inmemory..",
                                "org.openapproval.core.guice..", "org.openapproval.core.bootstrap..")
                        .because("an adapter plugs in through the SPI and ports only"),
                noClasses().that().resideInAPackage(root + "..")
                        .should().dependOnClassesThat().resideInAnyPackage("org.openapproval.sandbox..",
                                "org.openapproval.tck..", "com.sun.net.httpserver..", "org.junit..")
                        .because("a production jar carries no simulator, fault or HTTP-server code"),
                classes().that().resideInAPackage(root).and().arePublic()
                        .should().haveSimpleName(providerClassName)
                        .because("the provider is the adapter's one public entry; everything else is wired inside it"),
                ArchitectureRules.noPackageCycles(root)));
        rules.addAll(ArchitectureRules.noMutableStaticState());
        return List.copyOf(rules);
    }

    /** Guards the rules against passing vacuously: every package they name holds classes. */
    public static void requirePackagesHaveClasses(JavaClasses imported, String root) {
        for (String pkg : List.of(root, root + ".client..", root + ".dto..", root + ".mapping..")) {
            assertFalse(imported.that(JavaClass.Predicates.resideInAPackage(pkg)).isEmpty(), pkg + " has no classes");
        }
    }
}
