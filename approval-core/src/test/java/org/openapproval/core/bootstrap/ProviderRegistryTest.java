package org.openapproval.core.bootstrap;

import org.openapproval.core.port.in.Capability;

import org.openapproval.core.spi.ProviderConfigurationException;
import org.openapproval.core.spi.SpiFixtures;

import org.openapproval.core.spi.ApprovalProvider;
import org.openapproval.core.spi.ProviderDescriptor;
import org.openapproval.core.spi.ProviderConfig;
import org.openapproval.core.spi.ProviderPorts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openapproval.core.inmemory.InMemoryApprovalProvider;

class ProviderRegistryTest {
    private static final String SERVICES = "META-INF/services/" + ApprovalProvider.class.getName();

    @TempDir
    Path dir;

    /** A provider with a fixed descriptor; subclasses give distinct class names. */
    public abstract static class StubProvider implements ApprovalProvider {
        private final ProviderDescriptor descriptor;

        StubProvider(String id) {
            descriptor = SpiFixtures.descriptor(id);
        }

        @Override
        public ProviderDescriptor descriptor() {
            return descriptor;
        }

        @Override
        public ProviderPorts create(ProviderConfig config) {
            return ProviderPorts.builder(descriptor.id()).build();
        }
    }

    public static final class AlphaProvider extends StubProvider {
        public AlphaProvider() {
            super("alpha");
        }
    }

    public static final class OtherAlphaProvider extends StubProvider {
        public OtherAlphaProvider() {
            super("alpha");
        }
    }

    public static final class BetaProvider extends StubProvider {
        public BetaProvider() {
            super("beta");
        }
    }

    /** Claims the id of the real in-memory provider. */
    public static final class ImpostorInMemoryProvider extends StubProvider {
        public ImpostorInMemoryProvider() {
            super("in-memory");
        }
    }

    public static final class BrokenDescriptorProvider implements ApprovalProvider {
        public BrokenDescriptorProvider() {
        }

        @Override
        public ProviderDescriptor descriptor() {
            throw new IllegalStateException("descriptor boom");
        }

        @Override
        public ProviderPorts create(ProviderConfig config) {
            throw new AssertionError("never created");
        }
    }

    public static final class ThrowingConstructorProvider extends StubProvider {
        public ThrowingConstructorProvider() {
            super("never");
            throw new IllegalStateException("constructor boom");
        }
    }

    /** Listed in a services file although it is no ApprovalProvider. */
    public static final class NotAProvider {
        public NotAProvider() {
        }
    }

    // ------------------------------------------------------------------ of(list)

    @Test
    void ofListsProvidersInOrder() {
        AlphaProvider alpha = new AlphaProvider();
        BetaProvider beta = new BetaProvider();
        ProviderRegistry r = ProviderRegistry.of(List.of(alpha, beta));
        assertEquals(List.of("alpha", "beta"), r.ids());
        assertEquals(List.of("alpha", "beta"), r.descriptors().stream().map(ProviderDescriptor::id).toList());
        assertSame(alpha, r.provider("alpha"));
        assertEquals(Optional.of(beta), r.find("beta"));
        assertEquals(List.of(), r.problems());
    }

    @Test
    void ofCopiesTheList() {
        List<ApprovalProvider> list = new ArrayList<>(List.of(new AlphaProvider()));
        ProviderRegistry r = ProviderRegistry.of(list);
        list.add(new BetaProvider());
        assertEquals(List.of("alpha"), r.ids());
    }

    @Test
    void twoProvidersWithOneIdAreBothWithheld() {
        ProviderRegistry r = ProviderRegistry.of(List.of(new AlphaProvider(), new BetaProvider(),
                new OtherAlphaProvider()));

        assertEquals(List.of("beta"), r.ids());
        assertEquals(Optional.empty(), r.find("alpha"));
        ProviderConfigurationException e = assertThrows(ProviderConfigurationException.class,
                () -> r.provider("alpha"));
        assertFalse(e instanceof UnknownProviderException, "a clash is not an unknown id");
        assertTrue(e.getMessage().contains(AlphaProvider.class.getName()), e.getMessage());
        assertTrue(e.getMessage().contains(OtherAlphaProvider.class.getName()), e.getMessage());
        assertTrue(e.getMessage().contains("'alpha'"), e.getMessage());

        assertEquals(1, r.problems().size(), r.problems().toString());
        ProviderProblem p = r.problems().get(0);
        assertTrue(p.source().contains(AlphaProvider.class.getName()), p.source());
        assertTrue(p.source().contains(OtherAlphaProvider.class.getName()), p.source());
        assertTrue(p.message().contains("'alpha'"), p.message());
        assertTrue(p.toString().startsWith(p.source() + ": "), p.toString());
        assertSame(r.find("beta").orElseThrow(), r.provider("beta"), "the others stay usable");
    }

    @Test
    void unknownIdListsTheKnownIds() {
        ProviderRegistry r = ProviderRegistry.of(List.of(new AlphaProvider(), new BetaProvider()));
        UnknownProviderException e = assertThrows(UnknownProviderException.class, () -> r.provider("gamma"));
        assertEquals(List.of("alpha", "beta"), e.knownIds());
        assertTrue(e.getMessage().contains("'gamma'"), e.getMessage());
        assertTrue(e.getMessage().contains("alpha, beta"), e.getMessage());
        assertThrows(UnsupportedOperationException.class, () -> e.knownIds().add("x"));
    }

    @Test
    void unknownIdInAnEmptyRegistrySaysNoneAreOnTheClassPath() {
        UnknownProviderException e = assertThrows(UnknownProviderException.class,
                () -> ProviderRegistry.of(List.of()).provider("fxiaoke"));
        assertEquals(List.of(), e.knownIds());
        assertTrue(e.getMessage().contains("(none on the class path)"), e.getMessage());
    }

    @Test
    void unknownIdDoesNotListClashingIds() {
        ProviderRegistry r = ProviderRegistry.of(List.of(new AlphaProvider(), new OtherAlphaProvider(),
                new BetaProvider()));
        UnknownProviderException e = assertThrows(UnknownProviderException.class, () -> r.provider("gamma"));
        assertEquals(List.of("beta"), e.knownIds());
    }

    @Test
    void failingDescriptorIsReportedAndTheOthersStayUsable() {
        ProviderRegistry r = ProviderRegistry.of(List.of(new AlphaProvider(), new BrokenDescriptorProvider(),
                new BetaProvider()));
        assertEquals(List.of("alpha", "beta"), r.ids());
        assertEquals(1, r.problems().size());
        ProviderProblem p = r.problems().get(0);
        assertEquals(BrokenDescriptorProvider.class.getName(), p.source());
        assertTrue(p.message().contains("descriptor boom"), p.message());
        assertInstanceOf(IllegalStateException.class, p.cause().orElseThrow());
        assertEquals(2, r.descriptors().size());
    }

    @Test
    void providerProblemRejectsNulls() {
        assertThrows(NullPointerException.class, () -> new ProviderProblem(null, "m", Optional.empty()));
        assertThrows(NullPointerException.class, () -> new ProviderProblem("s", null, Optional.empty()));
        assertThrows(NullPointerException.class, () -> new ProviderProblem("s", "m", null));
    }

    // ------------------------------------------------------------------ ServiceLoader

    @Test
    void loadFindsTheInMemoryProvider() {
        ProviderRegistry r = ProviderRegistry.load();
        assertTrue(r.ids().contains("in-memory"), r.ids().toString());
        assertInstanceOf(InMemoryApprovalProvider.class, r.provider("in-memory"));
        assertTrue(r.descriptors().stream().anyMatch(d -> d.id().equals("in-memory")
                && d.capabilities().equals(Set.of(Capability.values()))));
    }

    @Test
    void loadDiscoversAfresh() {
        assertNotSame(ProviderRegistry.load().provider("in-memory"), ProviderRegistry.load().provider("in-memory"));
    }

    @Test
    void brokenServiceEntryIsReportedAndTheRealProviderIsStillFound() throws IOException {
        String missing = "com.example.approval.DoesNotExistProvider";
        try (URLClassLoader loader = loaderWithServices(missing, InMemoryApprovalProvider.class.getName())) {
            ProviderRegistry r = ProviderRegistry.load(loader);

            List<ProviderProblem> aboutMissing = r.problems().stream()
                    .filter(p -> p.message().contains(missing)).toList();
            assertEquals(1, aboutMissing.size(), r.problems().toString());
            assertEquals("ServiceLoader", aboutMissing.get(0).source());
            assertInstanceOf(ServiceConfigurationError.class, aboutMissing.get(0).cause().orElseThrow());
            // The parent loader's services file names the same class; ServiceLoader loads it once, so no clash.
            assertTrue(r.problems().stream().noneMatch(p -> p.message().contains("'in-memory'")),
                    r.problems().toString());
            assertInstanceOf(InMemoryApprovalProvider.class, r.provider("in-memory"));
        }
    }

    @Test
    void providerWhoseConstructorThrowsIsReportedAndOthersLoad() throws IOException {
        try (URLClassLoader loader = loaderWithServices(ThrowingConstructorProvider.class.getName(),
                BetaProvider.class.getName())) {
            ProviderRegistry r = ProviderRegistry.load(loader);
            assertTrue(r.problems().stream().anyMatch(p -> p.message().contains(
                    ThrowingConstructorProvider.class.getName())), r.problems().toString());
            assertTrue(r.ids().containsAll(List.of("beta", "in-memory")), r.ids().toString());
            assertFalse(r.ids().contains("never"));
        }
    }

    @Test
    void serviceEntryThatIsNoProviderIsReported() throws IOException {
        try (URLClassLoader loader = loaderWithServices(NotAProvider.class.getName(), AlphaProvider.class.getName())) {
            ProviderRegistry r = ProviderRegistry.load(loader);
            assertTrue(r.problems().stream().anyMatch(p -> p.message().contains(NotAProvider.class.getName())),
                    r.problems().toString());
            assertInstanceOf(AlphaProvider.class, r.provider("alpha"));
        }
    }

    @Test
    void loadedProviderWhoseDescriptorFailsIsReported() throws IOException {
        try (URLClassLoader loader = loaderWithServices(BrokenDescriptorProvider.class.getName())) {
            ProviderRegistry r = ProviderRegistry.load(loader);
            assertTrue(r.problems().stream().anyMatch(p -> p.source().equals(BrokenDescriptorProvider.class.getName())
                    && p.message().contains("descriptor boom")), r.problems().toString());
            assertTrue(r.ids().contains("in-memory"));
        }
    }

    @Test
    void loadedProvidersClashingWithInMemoryWithholdIt() throws IOException {
        try (URLClassLoader loader = loaderWithServices(ImpostorInMemoryProvider.class.getName())) {
            ProviderRegistry r = ProviderRegistry.load(loader);
            assertFalse(r.ids().contains("in-memory"));
            ProviderConfigurationException e = assertThrows(ProviderConfigurationException.class,
                    () -> r.provider("in-memory"));
            assertTrue(e.getMessage().contains(InMemoryApprovalProvider.class.getName()), e.getMessage());
            assertTrue(e.getMessage().contains(ImpostorInMemoryProvider.class.getName()), e.getMessage());
            assertTrue(r.problems().stream().anyMatch(p -> p.message().contains("'in-memory'")));
        }
    }

    private URLClassLoader loaderWithServices(String... classNames) throws IOException {
        Path services = dir.resolve(SERVICES);
        Files.createDirectories(services.getParent());
        Files.writeString(services, "# test providers\n" + String.join("\n", classNames) + "\n",
                StandardCharsets.UTF_8);
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());
    }
}
