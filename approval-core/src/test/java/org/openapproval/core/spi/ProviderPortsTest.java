package org.openapproval.core.spi;

import org.openapproval.core.port.in.Capability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mockito.InOrder;
import org.openapproval.core.domain.DecisionPolicy;
import org.openapproval.core.domain.Verdict;
import org.openapproval.core.port.out.DecisionWriter;
import org.openapproval.core.port.out.DefinitionCatalog;
import org.openapproval.core.port.out.ProcessCanceller;
import org.openapproval.core.port.out.ProcessReader;
import org.openapproval.core.port.out.ProcessSearch;
import org.openapproval.core.port.out.ProcessStarter;
import org.openapproval.core.port.out.TaskInbox;

class ProviderPortsTest {
    private static final String DEFAULT_REASON = "the vendor's API offers no such operation to this provider";

    private final DefinitionCatalog catalog = mock(DefinitionCatalog.class);
    private final ProcessReader reader = mock(ProcessReader.class);
    private final ProcessSearch search = mock(ProcessSearch.class);
    private final TaskInbox inbox = mock(TaskInbox.class);
    private final DecisionWriter writer = mock(DecisionWriter.class);
    private final ProcessCanceller canceller = mock(ProcessCanceller.class);
    private final ProcessStarter starter = mock(ProcessStarter.class);

    @Test
    void noPortsMeansNoCapabilities() {
        ProviderPorts p = ProviderPorts.builder("bare").build();
        assertEquals(Set.of(), p.capabilities());
        assertEquals("bare", p.providerId());
        assertEquals(Optional.empty(), p.processReader());
        assertEquals(Optional.empty(), p.decisionWriter());
        assertEquals(DecisionPolicy.commentsOptional(), p.decisionPolicy());
    }

    @Test
    void everyPortGivesEveryCapability() {
        ProviderPorts p = ProviderPorts.builder("full")
                .definitionCatalog(catalog)
                .processReader(reader)
                .processSearch(search)
                .taskInbox(inbox)
                .decisionWriter(writer, EnumSet.allOf(Verdict.class))
                .processCanceller(canceller)
                .processStarter(starter)
                .build();
        assertEquals(EnumSet.allOf(Capability.class), p.capabilities());
        assertSame(catalog, p.definitionCatalog().orElseThrow());
        assertSame(reader, p.processReader().orElseThrow());
        assertSame(search, p.processSearch().orElseThrow());
        assertSame(inbox, p.taskInbox().orElseThrow());
        assertSame(writer, p.decisionWriter().orElseThrow());
        assertSame(canceller, p.processCanceller().orElseThrow());
        assertSame(starter, p.processStarter().orElseThrow());
        for (Capability c : Capability.values()) {
            assertEquals(Optional.empty(), p.unsupportedReason(c), c.name());
        }
    }

    @Test
    void readOnlyPortsGiveTheirCapabilitiesOnly() {
        assertEquals(Set.of(Capability.LIST_DEFINITIONS),
                ProviderPorts.builder("x").definitionCatalog(catalog).build().capabilities());
        assertEquals(Set.of(Capability.READ_PROCESSES),
                ProviderPorts.builder("x").processReader(reader).build().capabilities());
        assertEquals(Set.of(Capability.QUERY_PROCESSES),
                ProviderPorts.builder("x").processSearch(search).build().capabilities());
        assertEquals(Set.of(Capability.PENDING_TASKS),
                ProviderPorts.builder("x").taskInbox(inbox).build().capabilities());
        assertEquals(Set.of(Capability.START),
                ProviderPorts.builder("x").processStarter(starter).build().capabilities());
    }

    @Test
    void cancellerGivesCancel() {
        ProviderPorts p = ProviderPorts.builder("x").processReader(reader).processCanceller(canceller).build();
        assertEquals(Set.of(Capability.READ_PROCESSES, Capability.CANCEL), p.capabilities());
    }

    @Test
    void decisionWriterGivesOnlyTheVerdictsItSupports() {
        ProviderPorts p = ProviderPorts.builder("nocoly").processReader(reader)
                .decisionWriter(writer, EnumSet.of(Verdict.APPROVE, Verdict.REJECT)).build();
        assertTrue(p.capabilities().contains(Capability.APPROVE));
        assertTrue(p.capabilities().contains(Capability.REJECT));
        assertFalse(p.capabilities().contains(Capability.RETURN));
        assertEquals(Set.of(Capability.READ_PROCESSES, Capability.APPROVE, Capability.REJECT), p.capabilities());
    }

    @Test
    void decisionWriterWithNoVerdictsGivesNoWriteCapability() {
        ProviderPorts p = ProviderPorts.builder("x").decisionWriter(writer, Set.of()).build();
        assertEquals(Set.of(), p.capabilities());
        assertSame(writer, p.decisionWriter().orElseThrow());
    }

    @Test
    void verdictsWithoutAWriterGiveNothing() {
        ProviderPorts p = ProviderPorts.builder("x").processReader(reader)
                .decisionWriter(null, EnumSet.allOf(Verdict.class)).build();
        assertEquals(Set.of(Capability.READ_PROCESSES), p.capabilities());
    }

    @Test
    void laterDecisionWriterCallReplacesTheVerdicts() {
        ProviderPorts p = ProviderPorts.builder("x").processReader(reader)
                .decisionWriter(writer, EnumSet.allOf(Verdict.class))
                .decisionWriter(writer, EnumSet.of(Verdict.APPROVE))
                .build();
        assertEquals(Set.of(Capability.READ_PROCESSES, Capability.APPROVE), p.capabilities());
    }

    @ParameterizedTest
    @EnumSource(Verdict.class)
    void capabilityOfMapsEachVerdict(Verdict v) {
        assertEquals(Capability.valueOf(v.name()), ProviderPorts.capabilityOf(v));
    }

    @Test
    void capabilitiesAreUnmodifiable() {
        ProviderPorts p = ProviderPorts.builder("x").processReader(reader).build();
        assertThrows(UnsupportedOperationException.class, () -> p.capabilities().add(Capability.START));
    }

    @Test
    void unsupportedReasonIsTheGivenOneThenADefaultAndEmptyWhenSupported() {
        ProviderPorts p = ProviderPorts.builder("fxiaoke").processReader(reader)
                .unsupported(Capability.START, "set fxiaoke.start-enabled to start processes")
                .unsupported(Capability.READ_PROCESSES, "ignored: the capability is there")
                .build();
        assertEquals(Optional.of("set fxiaoke.start-enabled to start processes"),
                p.unsupportedReason(Capability.START));
        assertEquals(Optional.of(DEFAULT_REASON), p.unsupportedReason(Capability.CANCEL));
        assertEquals(Optional.empty(), p.unsupportedReason(Capability.READ_PROCESSES));
    }

    @Test
    void unsupportedNeedsAReason() {
        assertThrows(NullPointerException.class,
                () -> ProviderPorts.builder("x").unsupported(Capability.START, null));
    }

    @Test
    void writesWithoutAProcessReaderAreRefused() {
        for (Verdict v : Verdict.values()) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> ProviderPorts.builder("broken").decisionWriter(writer, EnumSet.of(v)).build(), v.name());
            assertTrue(e.getMessage().contains("broken"), e.getMessage());
            assertTrue(e.getMessage().contains("ProcessReader"), e.getMessage());
        }
        assertThrows(IllegalStateException.class,
                () -> ProviderPorts.builder("broken").processCanceller(canceller).build());
    }

    @Test
    void startWithoutAProcessReaderIsAllowed() {
        assertEquals(Set.of(Capability.START, Capability.LIST_DEFINITIONS),
                ProviderPorts.builder("x").processStarter(starter).definitionCatalog(catalog).build().capabilities());
    }

    @Test
    void decisionPolicyIsKept() {
        ProviderPorts p = ProviderPorts.builder("x").decisionPolicy(DecisionPolicy.commentsRequired()).build();
        assertEquals(DecisionPolicy.commentsRequired(), p.decisionPolicy());
        assertThrows(NullPointerException.class, () -> ProviderPorts.builder("x").decisionPolicy(null));
    }

    @Test
    void builderRejectsNulls() {
        assertThrows(NullPointerException.class, () -> ProviderPorts.builder(null));
        assertThrows(NullPointerException.class, () -> ProviderPorts.builder("x").onClose(null));
    }

    @Test
    void closeClosesEachResourceOnceInOrder() throws Exception {
        AutoCloseable first = mock(AutoCloseable.class);
        AutoCloseable second = mock(AutoCloseable.class);
        ProviderPorts p = ProviderPorts.builder("x").onClose(first).onClose(second).build();
        p.close();
        p.close();
        InOrder order = inOrder(first, second);
        order.verify(first).close();
        order.verify(second).close();
        verify(first, times(1)).close();
        verify(second, times(1)).close();
    }

    @Test
    void closeAttemptsEveryResourceAndAggregatesFailures() throws Exception {
        AutoCloseable a = mock(AutoCloseable.class);
        AutoCloseable b = mock(AutoCloseable.class);
        AutoCloseable c = mock(AutoCloseable.class);
        Exception first = new java.io.IOException("a failed");
        RuntimeException third = new IllegalStateException("c failed");
        doThrow(first).when(a).close();
        doThrow(third).when(c).close();
        ProviderPorts p = ProviderPorts.builder("fxiaoke").onClose(a).onClose(b).onClose(c).build();

        IllegalStateException e = assertThrows(IllegalStateException.class, p::close);
        assertTrue(e.getMessage().contains("fxiaoke"), e.getMessage());
        assertSame(first, e.getCause());
        assertEquals(1, e.getSuppressed().length, Arrays.toString(e.getSuppressed()));
        assertSame(third, e.getSuppressed()[0]);
        verify(b).close();

        p.close(); // already closed: no second attempt, no second failure
        verify(a, times(1)).close();
        verify(b, times(1)).close();
        verify(c, times(1)).close();
    }
}
