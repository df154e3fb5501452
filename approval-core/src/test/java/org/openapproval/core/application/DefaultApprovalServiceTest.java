package org.openapproval.core.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.openapproval.core.domain.ActorNotAllowedException;
import org.openapproval.core.domain.ApprovalDefinition;
import org.openapproval.core.domain.ApprovalMode;
import org.openapproval.core.domain.ApprovalProcess;
import org.openapproval.core.domain.AuthenticationException;
import org.openapproval.core.domain.CommentRequiredException;
import org.openapproval.core.domain.Decision;
import org.openapproval.core.domain.DecisionPolicy;
import org.openapproval.core.domain.DefinitionRef;
import org.openapproval.core.domain.ErrorContext;
import org.openapproval.core.domain.InputParameter;
import org.openapproval.core.domain.InvalidRequestException;
import org.openapproval.core.domain.NotFoundException;
import org.openapproval.core.domain.OutcomeUnknownException;
import org.openapproval.core.domain.ProcessId;
import org.openapproval.core.domain.RecordRef;
import org.openapproval.core.domain.StepPlan;
import org.openapproval.core.domain.TaskId;
import org.openapproval.core.domain.TriggerKind;
import org.openapproval.core.domain.UserRef;
import org.openapproval.core.domain.ValidatedDecision;
import org.openapproval.core.domain.Verdict;
import org.openapproval.core.domain.VendorProtocolException;
import org.openapproval.core.domain.VendorTimeoutException;
import org.openapproval.core.domain.VendorUnavailableException;
import org.openapproval.core.port.in.ApproveCommand;
import org.openapproval.core.port.in.CancelCommand;
import org.openapproval.core.port.in.ProcessQuery;
import org.openapproval.core.port.in.StartCommand;
import org.openapproval.core.port.in.StartReceipt;
import org.openapproval.core.port.in.WriteReceipt;
import org.openapproval.core.port.out.DecisionWriter;
import org.openapproval.core.port.out.DefinitionCatalog;
import org.openapproval.core.port.out.Page;
import org.openapproval.core.port.out.ProcessCanceller;
import org.openapproval.core.port.out.ProcessReader;
import org.openapproval.core.port.out.ProcessSearch;
import org.openapproval.core.port.out.ProcessStarter;
import org.openapproval.core.port.in.Capability;
import org.openapproval.core.spi.ProviderPorts;
import org.openapproval.core.port.in.UnsupportedCapabilityException;

// Mockito's thenReturn(first, rest...) takes generic varargs: sequences of Optional answers read best that way
@SuppressWarnings("unchecked")
class DefaultApprovalServiceTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:15:30Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final UserRef ALICE = UserRef.of("alice");
    private static final UserRef BOB = UserRef.of("bob");
    private static final ProcessId PID = ProcessId.of("ws1", "row1", "inst1");

    private final ProcessReader reader = mock(ProcessReader.class);
    private final DecisionWriter writer = mock(DecisionWriter.class);
    private final ProcessCanceller canceller = mock(ProcessCanceller.class);
    private final ProcessStarter starter = mock(ProcessStarter.class);
    private final DefinitionCatalog catalog = mock(DefinitionCatalog.class);
    private final ProcessSearch search = mock(ProcessSearch.class);

    private ApprovalProcess open;
    private TaskId bobsTask;

    @BeforeEach
    void processWithBobPending() {
        open = ApprovalProcess.open(PID, "vendor", DefinitionRef.of("contract-flow"), RecordRef.of("Contract", "C1"),
                ALICE, TriggerKind.MANUAL, NOW.minusSeconds(3600),
                List.of(StepPlan.approval("Manager", ApprovalMode.SINGLE, BOB)));
        bobsTask = open.pendingTasks().get(0).id();
    }

    private DefaultApprovalService service(DecisionPolicy policy) {
        return new DefaultApprovalService(ProviderPorts.builder("vendor")
                .processReader(reader)
                .processSearch(search)
                .definitionCatalog(catalog)
                .decisionWriter(writer, EnumSet.of(Verdict.APPROVE, Verdict.REJECT))
                .processCanceller(canceller)
                .processStarter(starter)
                .decisionPolicy(policy)
                .unsupported(Capability.RETURN, "needs vendor.org-key")
                .build(), CLOCK);
    }

    private DefaultApprovalService service() {
        return service(DecisionPolicy.commentsOptional());
    }

    private ApprovalProcess approvedByBob() {
        return open.apply(bobsTask, Decision.approve(BOB, "ok", NOW));
    }

    @Nested
    class ValidationBeforeIo {
        @Test
        void aRefusedActorNeverReachesTheWriter() {
            when(reader.process(PID)).thenReturn(Optional.of(open));
            assertThrows(ActorNotAllowedException.class,
                    () -> service().approve(ApproveCommand.of(bobsTask, ALICE, "ok")));
            verifyNoInteractions(writer);
        }

        @Test
        void aMissingRequiredCommentNeverReachesTheWriter() {
            when(reader.process(PID)).thenReturn(Optional.of(open));
            CommentRequiredException e = assertThrows(CommentRequiredException.class,
                    () -> service(DecisionPolicy.commentsRequired()).approve(ApproveCommand.of(bobsTask, BOB)));
            assertEquals(Optional.of("vendor"), e.providerId());
            verifyNoInteractions(writer);
        }

        @Test
        void aMissingProcessIsNotFoundAndNothingIsWritten() {
            when(reader.process(PID)).thenReturn(Optional.empty());
            NotFoundException e = assertThrows(NotFoundException.class,
                    () -> service().approve(ApproveCommand.of(bobsTask, BOB, "ok")));
            assertTrue(e.getMessage().contains(PID.value()), e.getMessage());
            verifyNoInteractions(writer);
        }

        @Test
        void cancellingAClosedProcessIsRefusedWithoutCallingTheCanceller() {
            when(reader.process(PID)).thenReturn(Optional.of(approvedByBob()));
            assertThrows(org.openapproval.core.domain.ProcessNotOpenException.class,
                    () -> service().cancel(new CancelCommand(PID, ALICE, "no longer needed")));
            verifyNoInteractions(canceller);
        }

        @Test
        void missingRequiredStartInputsAreNamedAndNothingIsStarted() {
            when(catalog.definition("expense")).thenReturn(Optional.of(ApprovalDefinition.of(DefinitionRef.of("expense"),
                    List.of(new InputParameter("amount", "number", true, Optional.empty()),
                            new InputParameter("note", "text", false, Optional.empty())))));
            InvalidRequestException e = assertThrows(InvalidRequestException.class,
                    () -> service().start(StartCommand.of("expense", Map.of("note", "taxi"))));
            assertTrue(e.getMessage().contains("amount"), e.getMessage());
            verifyNoInteractions(starter);
        }

        @Test
        void startingAnUnknownDefinitionIsNotFound() {
            when(catalog.definition("nope")).thenReturn(Optional.empty());
            assertThrows(NotFoundException.class, () -> service().start(StartCommand.of("nope", Map.of())));
            verifyNoInteractions(starter);
        }

        @Test
        void theDecisionIsStampedWithTheInjectedClock() {
            when(reader.process(PID)).thenReturn(Optional.of(open), Optional.of(approvedByBob()));
            service().approve(ApproveCommand.of(bobsTask, BOB, "fine"));
            ArgumentCaptor<ValidatedDecision> sent = ArgumentCaptor.forClass(ValidatedDecision.class);
            verify(writer).submit(sent.capture());
            assertEquals(NOW, sent.getValue().decision().time().orElseThrow());
            assertEquals(Optional.of("fine"), sent.getValue().decision().comment());
            assertEquals(bobsTask, sent.getValue().task().id());
        }
    }

    @Nested
    class UnsupportedCapability {
        @Test
        void aMissingWriterRaisesUnsupportedCapabilityNamingProviderAndCapability() {
            DefaultApprovalService readOnly = new DefaultApprovalService(ProviderPorts.builder("vendor")
                    .processReader(reader).unsupported(Capability.APPROVE, "configure vendor.org-key").build(), CLOCK);
            UnsupportedCapabilityException e = assertThrows(UnsupportedCapabilityException.class,
                    () -> readOnly.approve(ApproveCommand.of(bobsTask, BOB, "ok")));
            assertEquals(Capability.APPROVE, e.capability());
            assertTrue(e.getMessage().contains("vendor") && e.getMessage().contains("vendor.org-key"), e.getMessage());
            verifyNoInteractions(reader);
        }

        @Test
        void aVerdictTheWriterCannotSendIsUnsupported() {
            UnsupportedCapabilityException e = assertThrows(UnsupportedCapabilityException.class,
                    () -> service().returnTargets(bobsTask));
            assertEquals(Capability.RETURN, e.capability());
            assertEquals(Optional.of("needs vendor.org-key"), service().unsupportedReason(Capability.RETURN));
            verifyNoInteractions(reader);
        }

        @Test
        void readsWithoutTheirPortAreUnsupportedToo() {
            DefaultApprovalService bare = new DefaultApprovalService(ProviderPorts.builder("vendor").build(), CLOCK);
            assertEquals(Capability.READ_PROCESSES,
                    assertThrows(UnsupportedCapabilityException.class, () -> bare.process(PID)).capability());
            assertEquals(Capability.QUERY_PROCESSES, assertThrows(UnsupportedCapabilityException.class,
                    () -> bare.query(ProcessQuery.builder().build())).capability());
            assertEquals(Capability.PENDING_TASKS,
                    assertThrows(UnsupportedCapabilityException.class, () -> bare.pendingTasks(BOB)).capability());
            assertEquals(Capability.LIST_DEFINITIONS,
                    assertThrows(UnsupportedCapabilityException.class, bare::definitions).capability());
            assertTrue(bare.capabilities().isEmpty());
        }
    }

    @Nested
    class Reconciliation {
        private final VendorUnavailableException timeout = new VendorUnavailableException("read timed out",
                ErrorContext.provider("vendor").withTraceId("trace-1"), null);

        @Test
        void aWriteLostInTransitThatShowsOnReadBackSucceeds() {
            when(reader.process(PID)).thenReturn(Optional.of(open), Optional.of(approvedByBob()));
            doThrow(timeout).when(writer).submit(any());
            WriteReceipt receipt = service().approve(ApproveCommand.of(bobsTask, BOB, "ok"));
            assertTrue(receipt.confirmedByReadBack());
            assertEquals(Optional.of(approvedByBob()), receipt.processAfter());
            verify(writer, times(1)).submit(any());
        }

        @Test
        void aWriteThatClearlyDidNotHappenRaisesTheOriginalFailure() {
            when(reader.process(PID)).thenReturn(Optional.of(open), Optional.of(open));
            doThrow(timeout).when(writer).submit(any());
            VendorUnavailableException e = assertThrows(VendorUnavailableException.class,
                    () -> service().approve(ApproveCommand.of(bobsTask, BOB, "ok")));
            assertSame(timeout, e);
            verify(writer, times(1)).submit(any());
        }

        @Test
        void aWriteWhoseOutcomeCannotBeReadIsOutcomeUnknown() {
            VendorUnavailableException readFailure = new VendorUnavailableException("still down",
                    ErrorContext.provider("vendor"), null);
            when(reader.process(PID)).thenReturn(Optional.of(open)).thenThrow(readFailure);
            doThrow(timeout).when(writer).submit(any());
            OutcomeUnknownException e = assertThrows(OutcomeUnknownException.class,
                    () -> service().approve(ApproveCommand.of(bobsTask, BOB, "ok")));
            assertSame(timeout, e.getCause());
            assertSame(readFailure, e.getSuppressed()[0]);
            assertEquals(Optional.of("trace-1"), e.traceId(), "the original failure's trace id is kept");
            assertTrue(e.getMessage().contains(PID.value()), e.getMessage());
            verify(writer, times(1)).submit(any());
        }

        @Test
        void aProcessThatVanishedOnReadBackIsOutcomeUnknown() {
            when(reader.process(PID)).thenReturn(Optional.of(open), Optional.empty());
            doThrow(timeout).when(writer).submit(any());
            assertThrows(OutcomeUnknownException.class,
                    () -> service().approve(ApproveCommand.of(bobsTask, BOB, "ok")));
        }

        @Test
        void aTaskSettledAnotherWayMeansOursDidNotApplyAndTheFailureIsRaised() {
            ApprovalProcess rejected = open.apply(bobsTask, Decision.reject(BOB, "no", NOW));
            VendorProtocolException garbled = new VendorProtocolException("garbled", ErrorContext.provider("vendor"),
                    null);
            when(reader.process(PID)).thenReturn(Optional.of(open), Optional.of(rejected));
            doThrow(garbled).when(writer).submit(any());
            assertSame(garbled, assertThrows(VendorProtocolException.class,
                    () -> service().approve(ApproveCommand.of(bobsTask, BOB, "ok"))));
        }

        @Test
        void aTimedOutWriteThatDoesNotShowYetIsOutcomeUnknownBecauseItMayStillArrive() {
            when(reader.process(PID)).thenReturn(Optional.of(open), Optional.of(open));
            VendorTimeoutException slow = new VendorTimeoutException("read timed out", ErrorContext.provider("vendor"),
                    null);
            doThrow(slow).when(writer).submit(any());
            OutcomeUnknownException e = assertThrows(OutcomeUnknownException.class,
                    () -> service().approve(ApproveCommand.of(bobsTask, BOB, "ok")));
            assertSame(slow, e.getCause());
        }

        @Test
        void aWriteFailingWithAnUnexpectedExceptionIsReconciledToo() {
            when(reader.process(PID)).thenReturn(Optional.of(open), Optional.of(approvedByBob()));
            doThrow(new IllegalStateException("adapter bug")).when(writer).submit(any());
            assertTrue(service().approve(ApproveCommand.of(bobsTask, BOB, "ok")).confirmedByReadBack());
        }

        @Test
        void aDefiniteFailureIsRaisedWithoutReadingBack() {
            AuthenticationException denied = new AuthenticationException("bad token", ErrorContext.provider("vendor"),
                    null);
            when(reader.process(PID)).thenReturn(Optional.of(open));
            doThrow(denied).when(writer).submit(any());
            assertSame(denied, assertThrows(AuthenticationException.class,
                    () -> service().approve(ApproveCommand.of(bobsTask, BOB, "ok"))));
            verify(reader, times(1)).process(PID);
            verify(writer, times(1)).submit(any());
        }

        @Test
        void aFailedConfirmationReadAfterASuccessfulWriteStillSucceeds() {
            when(reader.process(PID)).thenReturn(Optional.of(open))
                    .thenThrow(new VendorUnavailableException("down", ErrorContext.none(), null));
            WriteReceipt receipt = service().approve(ApproveCommand.of(bobsTask, BOB, "ok"));
            assertFalse(receipt.confirmedByReadBack());
            assertEquals(Optional.empty(), receipt.processAfter());
        }

        @Test
        void aLostCancellationIsConfirmedOrReportedLikeADecision() {
            ApprovalProcess cancelled = open.cancel(ALICE, "withdrawn", NOW);
            doThrow(timeout).when(canceller).cancel(any(), any(), any());

            when(reader.process(PID)).thenReturn(Optional.of(open), Optional.of(cancelled));
            assertTrue(service().cancel(new CancelCommand(PID, ALICE, "withdrawn")).confirmedByReadBack());

            when(reader.process(PID)).thenReturn(Optional.of(open), Optional.of(open));
            assertSame(timeout, assertThrows(VendorUnavailableException.class,
                    () -> service().cancel(new CancelCommand(PID, ALICE, "withdrawn"))));

            when(reader.process(PID)).thenReturn(Optional.of(open), Optional.of(approvedByBob()));
            assertSame(timeout, assertThrows(VendorUnavailableException.class,
                    () -> service().cancel(new CancelCommand(PID, ALICE, "withdrawn"))),
                    "the process ended another way, so the cancel cannot have applied");

            VendorTimeoutException slow = new VendorTimeoutException("slow", ErrorContext.none(), null);
            doThrow(slow).when(canceller).cancel(any(), any(), any());
            when(reader.process(PID)).thenReturn(Optional.of(open), Optional.of(open));
            assertThrows(OutcomeUnknownException.class,
                    () -> service().cancel(new CancelCommand(PID, ALICE, "withdrawn")));
            verify(canceller, times(4)).cancel(any(), eq(ALICE), eq("withdrawn"));
        }

        @Test
        void aStartLostInTransitIsOutcomeUnknownAndNotRepeated() {
            when(catalog.definition("expense")).thenReturn(Optional.of(ApprovalDefinition.of(DefinitionRef.of("expense"),
                    List.of())));
            when(starter.start(any())).thenThrow(timeout);
            OutcomeUnknownException e = assertThrows(OutcomeUnknownException.class,
                    () -> service().start(StartCommand.of("expense", Map.of())));
            assertSame(timeout, e.getCause());
            verify(starter, times(1)).start(any());
        }

        @Test
        void aStartRefusedByTheVendorIsRaisedAsIs() {
            when(catalog.definition("expense")).thenReturn(Optional.of(ApprovalDefinition.of(DefinitionRef.of("expense"),
                    List.of())));
            InvalidRequestException refused = new InvalidRequestException("bad input", ErrorContext.none(), null);
            when(starter.start(any())).thenThrow(refused);
            assertSame(refused, assertThrows(InvalidRequestException.class,
                    () -> service().start(StartCommand.of("expense", Map.of()))));
        }

        @Test
        void aSuccessfulStartReturnsTheVendorsReceipt() {
            when(catalog.definition("expense")).thenReturn(Optional.of(ApprovalDefinition.of(DefinitionRef.of("expense"),
                    List.of())));
            StartReceipt receipt = new StartReceipt(Optional.of(PID), Map.of("result", "ok"));
            when(starter.start(any())).thenReturn(receipt);
            assertEquals(receipt, service().start(StartCommand.of("expense", Map.of())));
        }
    }

    @Nested
    class LazyQuery {
        private final ProcessQuery query = ProcessQuery.builder().pageSize(1).build();

        @Test
        void pagesAreFetchedOnlyAsTheStreamReachesThem() {
            ApprovalProcess second = open.toBuilder().id(ProcessId.of("ws1", "row1", "inst2")).steps(List.of()).build();
            when(search.search(query, Optional.empty())).thenReturn(new Page<>(List.of(open), Optional.of("p2")));
            when(search.search(query, Optional.of("p2"))).thenReturn(Page.last(List.of(second)));

            assertEquals(List.of(open), service().query(query).limit(1).toList());
            verify(search, times(1)).search(any(), any());

            assertEquals(List.of(open, second), service().query(query).toList());
            verify(search, times(1)).search(query, Optional.of("p2"));
        }

        @Test
        void creatingTheStreamFetchesNothing() {
            service().query(query);
            verifyNoInteractions(search);
        }

        @Test
        void aRepeatedPageTokenStopsTheListingAfterThePagesItemsAreDelivered() {
            when(search.search(eq(query), any())).thenReturn(new Page<>(List.of(open), Optional.of("same")));
            List<ApprovalProcess> seen = new java.util.ArrayList<>();
            VendorProtocolException e = assertThrows(VendorProtocolException.class,
                    () -> service().query(query).forEach(seen::add));
            assertTrue(e.getMessage().contains("same"), e.getMessage());
            assertEquals(List.of(open, open), seen, "both pages' items arrive before the loop is detected");
        }

        @Test
        void emptyPagesInTheMiddleAreSkipped() {
            when(search.search(query, Optional.empty())).thenReturn(new Page<>(List.of(), Optional.of("p2")));
            when(search.search(query, Optional.of("p2"))).thenReturn(Page.last(List.of(open)));
            assertEquals(List.of(open), service().query(query).toList());
        }
    }

    @Test
    void closingTheServiceClosesTheProvidersResourcesOnce() throws Exception {
        AutoCloseable resource = mock(AutoCloseable.class);
        DefaultApprovalService s = new DefaultApprovalService(ProviderPorts.builder("vendor").onClose(resource).build(),
                CLOCK);
        s.close();
        s.close();
        verify(resource, times(1)).close();
        verify(writer, never()).submit(any());
    }
}
