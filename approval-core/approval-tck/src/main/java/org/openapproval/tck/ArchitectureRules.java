package org.openapproval.tck;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.List;
import java.util.Set;

/**
 * Rules every OpenApproval module keeps, and a plugin author's adapter should too: no package cycles, no
 * mutable static state. Each module's architecture test checks them over its own root package.
 */
public final class ArchitectureRules {
    /** Mutable holders whose construction in a static initializer means JVM-wide mutable state. */
    private static final Set<String> MUTABLE_HOLDERS = Set.of("java.util.HashMap", "java.util.LinkedHashMap",
            "java.util.TreeMap", "java.util.WeakHashMap", "java.util.IdentityHashMap", "java.util.HashSet",
            "java.util.LinkedHashSet", "java.util.TreeSet", "java.util.ArrayList", "java.util.LinkedList",
            "java.util.ArrayDeque", "java.util.concurrent.ConcurrentHashMap", "java.util.concurrent.ConcurrentLinkedQueue",
            "java.util.concurrent.ConcurrentSkipListMap", "java.util.concurrent.CopyOnWriteArrayList",
            "java.util.concurrent.atomic.AtomicLong", "java.util.concurrent.atomic.AtomicInteger",
            "java.util.concurrent.atomic.AtomicBoolean", "java.util.concurrent.atomic.AtomicReference");

    private ArchitectureRules() {
    }

    /**
     * The packages under {@code root}, {@code root} itself included, form no dependency cycle (e.g.
     * {@code port.in -> spi -> port.out -> port.in}, or a client package calling back into the provider's).
     */
    public static ArchRule noPackageCycles(String root) {
        return slices().assignedFrom(packagesOf(root)).should().beFreeOfCycles().allowEmptyShould(true)
                .because("a package cycle makes the parts impossible to understand, test or split apart one by one");
    }

    /** One slice per package under {@code root}, the root package being a slice of its own. */
    private static SliceAssignment packagesOf(String root) {
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String pkg = javaClass.getPackageName();
                if (pkg.equals(root)) {
                    return SliceIdentifier.of("(root) " + root);
                }
                return pkg.startsWith(root + ".") ? SliceIdentifier.of(pkg.substring(root.length() + 1))
                        : SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "the packages under " + root;
            }
        };
    }

    /**
     * Production classes keep no mutable state in static fields: every static field is final, and no static
     * initializer builds a mutable collection or atomic. State shared between instances is owned by an
     * object the host creates and closes, so it can be released, isolated in tests and replaced (e.g. by a
     * distributed store).
     */
    public static List<ArchRule> noMutableStaticState() {
        return List.of(
                ArchRuleDefinition.fields().that().areStatic().and().areDeclaredInClassesThat().areNotEnums()
                        .and().doNotHaveName("serialVersionUID").and().doNotHaveName("$VALUES")
                        .should().beFinal()
                        .because("a non-final static field is JVM-wide mutable state"),
                ArchRuleDefinition.classes().that().areNotEnums().should(notBuildMutableHoldersStatically())
                        .because("a static map, list or counter is JVM-wide state that is never released"));
    }

    private static ArchCondition<JavaClass> notBuildMutableHoldersStatically() {
        return new ArchCondition<>("not build mutable collections or atomics in a static initializer") {
            @Override
            public void check(JavaClass clazz, ConditionEvents events) {
                clazz.getStaticInitializer().ifPresent(init -> {
                    for (JavaConstructorCall call : init.getConstructorCallsFromSelf()) {
                        String target = call.getTargetOwner().getName();
                        if (MUTABLE_HOLDERS.contains(target)) {
                            events.add(SimpleConditionEvent.violated(clazz, clazz.getName()
                                    + " builds a " + target + " in its static initializer " + call.getSourceCodeLocation()));
                        }
                    }
                });
            }
        };
    }
}
