package org.openapproval.core.bootstrap;

import org.openapproval.core.spi.ProviderConfigurationException;

import org.openapproval.core.spi.ApprovalProvider;
import org.openapproval.core.spi.ProviderDescriptor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The providers found on the class path by {@link ServiceLoader}. A provider that fails to load is
 * reported in {@link #problems()} and the others stay usable; two providers with one id are both
 * withheld (which one was meant cannot be known) and reported too.
 */
public final class ProviderRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(ProviderRegistry.class);
    private static final int MAX_LOAD_ATTEMPTS = 1000;

    private final Map<String, ApprovalProvider> providers;
    private final Map<String, List<String>> duplicates;
    private final List<ProviderProblem> problems;

    private ProviderRegistry(List<ApprovalProvider> candidates, List<ProviderProblem> loadProblems) {
        Map<String, List<ApprovalProvider>> byId = new LinkedHashMap<>();
        List<ProviderProblem> found = new ArrayList<>(loadProblems);
        for (ApprovalProvider p : candidates) {
            try {
                byId.computeIfAbsent(p.descriptor().id(), k -> new ArrayList<>()).add(p);
            } catch (RuntimeException | LinkageError e) {
                found.add(new ProviderProblem(p.getClass().getName(), "descriptor() failed: " + e, Optional.of(e)));
            }
        }
        Map<String, ApprovalProvider> usable = new LinkedHashMap<>();
        Map<String, List<String>> clashing = new LinkedHashMap<>();
        byId.forEach((id, list) -> {
            if (list.size() == 1) {
                usable.put(id, list.get(0));
            } else {
                List<String> classes = list.stream().map(p -> p.getClass().getName()).toList();
                clashing.put(id, classes);
                found.add(new ProviderProblem(String.join(", ", classes),
                        "provider id '" + id + "' is declared by " + classes.size() + " classes", Optional.empty()));
            }
        });
        providers = Collections.unmodifiableMap(usable);
        duplicates = Collections.unmodifiableMap(clashing);
        problems = List.copyOf(found);
        problems.forEach(pr -> LOG.warn("approval provider not usable: {}", pr));
    }

    /** @return the providers visible to the thread context class loader (or this class's loader) */
    public static ProviderRegistry load() {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        return load(cl != null ? cl : ProviderRegistry.class.getClassLoader());
    }

    /**
     * @param classLoader where to look for providers
     * @return the providers it finds
     */
    public static ProviderRegistry load(ClassLoader classLoader) {
        List<ApprovalProvider> found = new ArrayList<>();
        List<ProviderProblem> problems = new ArrayList<>();
        Iterator<ApprovalProvider> it = ServiceLoader.load(ApprovalProvider.class, classLoader).iterator();
        // ServiceLoader goes on to the next provider after an error; the bound guards a looping iterator.
        for (int attempt = 0; attempt < MAX_LOAD_ATTEMPTS; attempt++) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                found.add(it.next());
            } catch (ServiceConfigurationError | LinkageError e) {
                problems.add(new ProviderProblem("ServiceLoader", String.valueOf(e.getMessage()), Optional.of(e)));
            }
        }
        return new ProviderRegistry(found, problems);
    }

    /**
     * A registry of given providers, with the same id checks; for tests and for hosts that wire by hand.
     *
     * @param providers the providers
     * @return the registry
     */
    public static ProviderRegistry of(List<ApprovalProvider> providers) {
        return new ProviderRegistry(List.copyOf(providers), List.of());
    }

    /** @return the usable providers' descriptors */
    public List<ProviderDescriptor> descriptors() {
        return providers.values().stream().map(ApprovalProvider::descriptor).toList();
    }

    /** @return the usable providers' ids */
    public List<String> ids() {
        return List.copyOf(providers.keySet());
    }

    /**
     * @param id a provider id
     * @return the provider, or empty
     */
    public Optional<ApprovalProvider> find(String id) {
        return Optional.ofNullable(providers.get(id));
    }

    /**
     * @param id a provider id
     * @return the provider
     * @throws UnknownProviderException listing the known ids
     * @throws ProviderConfigurationException when two providers declare this id
     */
    public ApprovalProvider provider(String id) {
        ApprovalProvider p = providers.get(id);
        if (p != null) {
            return p;
        }
        List<String> clash = duplicates.get(id);
        if (clash != null) {
            throw new ProviderConfigurationException("provider id '" + id + "' is declared by more than one class ("
                    + String.join(", ", clash) + "); remove one from the class path");
        }
        throw new UnknownProviderException(String.valueOf(id), ids(), problems);
    }

    /** @return why some providers are not usable */
    public List<ProviderProblem> problems() {
        return problems;
    }
}
