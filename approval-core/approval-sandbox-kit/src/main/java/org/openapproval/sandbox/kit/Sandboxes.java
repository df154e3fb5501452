package org.openapproval.sandbox.kit;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The sandboxes on the class path, found with {@link ServiceLoader} and keyed by provider id. Like provider
 * discovery, a sandbox that fails to load is skipped (its error kept in {@link #problems()}) rather than
 * hiding the others; two sandboxes for one provider id is a configuration error.
 */
public final class Sandboxes {
    private final Map<String, SandboxProvider> byProvider;
    private final List<String> problems;

    private Sandboxes(Map<String, SandboxProvider> byProvider, List<String> problems) {
        this.byProvider = Map.copyOf(byProvider);
        this.problems = List.copyOf(problems);
    }

    /** Loads the sandboxes visible to the context class loader (or this class's loader). */
    public static Sandboxes load() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return load(loader != null ? loader : Sandboxes.class.getClassLoader());
    }

    public static Sandboxes load(ClassLoader loader) {
        Map<String, SandboxProvider> found = new TreeMap<>();
        List<String> problems = new java.util.ArrayList<>();
        var it = ServiceLoader.load(SandboxProvider.class, Objects.requireNonNull(loader, "loader")).iterator();
        while (true) {
            SandboxProvider next;
            try {
                if (!it.hasNext()) {
                    break;
                }
                next = it.next();
            } catch (ServiceConfigurationError e) {
                problems.add(e.getMessage());
                continue;
            }
            SandboxProvider earlier = found.putIfAbsent(next.providerId(), next);
            if (earlier != null) {
                throw new IllegalStateException("two sandboxes for provider '" + next.providerId() + "': "
                        + earlier.getClass().getName() + " and " + next.getClass().getName());
            }
        }
        return new Sandboxes(found, problems);
    }

    /** The sandbox for that provider id, if one is on the class path. */
    public Optional<SandboxProvider> forProvider(String providerId) {
        return Optional.ofNullable(byProvider.get(Objects.requireNonNull(providerId, "providerId")));
    }

    /** Provider ids that have a sandbox, sorted. */
    public List<String> providerIds() {
        return List.copyOf(byProvider.keySet());
    }

    /** Sandboxes that failed to load, as the service loader described them. */
    public List<String> problems() {
        return problems;
    }
}
