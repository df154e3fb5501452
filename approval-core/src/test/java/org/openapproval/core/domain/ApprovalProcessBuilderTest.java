package org.openapproval.core.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.openapproval.core.domain.DomainFixtures.ALICE;
import static org.openapproval.core.domain.DomainFixtures.BOB;
import static org.openapproval.core.domain.DomainFixtures.CONTRACT;
import static org.openapproval.core.domain.DomainFixtures.FLOW;
import static org.openapproval.core.domain.DomainFixtures.P1;
import static org.openapproval.core.domain.DomainFixtures.P2;
import static org.openapproval.core.domain.DomainFixtures.T0;
import static org.openapproval.core.domain.DomainFixtures.single;
import static org.openapproval.core.domain.DomainFixtures.t;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link ApprovalProcess.Builder}: how adapters build a process as read from a vendor, and what it refuses. */
class ApprovalProcessBuilderTest {

    private static ApprovalProcess.Builder minimal() {
        return ApprovalProcess.builder().id(P1).providerId("nocoly").definition(FLOW).record(CONTRACT)
                .state(ProcessState.IN_PROGRESS).createdAt(T0);
    }

    private static Step step(StepId id, Task... tasks) {
        return new Step(id, "Step " + id.segment(0), StepKind.APPROVAL, ApprovalMode.ANY_OF, StepState.IN_PROGRESS,
                "running", List.of(ALICE, BOB), List.of(tasks));
    }

    private static Task task(ProcessId process, String... segments) {
        return Task.of(TaskId.of(process, segments), ALICE, TaskState.PENDING);
    }

    @Test
    void minimalProcessHasSensibleDefaults() {
        ApprovalProcess p = minimal().build();
        assertEquals("IN_PROGRESS", p.vendorStatus());
        assertEquals(TriggerKind.UNKNOWN, p.trigger());
        assertEquals(Optional.empty(), p.initiator());
        assertEquals(Optional.empty(), p.updatedAt());
        assertEquals(Optional.empty(), p.endedAt());
        assertEquals(List.of(), p.steps());
        assertEquals(Map.of(), p.attributes());
        assertEquals(List.of(), p.stateChanges());
    }

    @Test
    void vendorStatusIsKeptBesideAnUnknownState() {
        ApprovalProcess p = minimal().state(ProcessState.UNKNOWN).vendorStatus("weird_state").build();
        assertEquals(ProcessState.UNKNOWN, p.state());
        assertEquals("weird_state", p.vendorStatus());
        assertFalse(p.isOpen());

        // order of the calls does not matter
        ApprovalProcess q = ApprovalProcess.builder().id(P1).providerId("nocoly").definition(FLOW).record(CONTRACT)
                .vendorStatus("weird_state").state(ProcessState.UNKNOWN).createdAt(T0).build();
        assertEquals("weird_state", q.vendorStatus());
    }

    @Test
    void stepAndTaskKeepTheirOwnVendorStatus() {
        Task raw = new Task(TaskId.of(P1, "n1", "t1"), ALICE, TaskState.UNKNOWN, "delegated", Optional.empty(),
                Optional.of(T0));
        Step s = new Step(StepId.of(P1, "n1"), "Review", StepKind.UNKNOWN, ApprovalMode.UNKNOWN, StepState.UNKNOWN,
                "node_state_9", List.of(ALICE), List.of(raw));
        ApprovalProcess p = minimal().steps(List.of(s)).build();
        assertEquals("node_state_9", p.steps().get(0).vendorStatus());
        assertEquals("delegated", p.task(raw.id()).orElseThrow().vendorStatus());
        assertEquals(Optional.of(s), p.stepOf(raw.id()));
    }

    @Test
    void duplicateStepIdsAreRejected() {
        StepId same = StepId.of(P1, "n1");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> minimal().steps(List.of(step(same), step(same))).build());
        assertEquals("process P1 lists step P1/n1 twice", e.getMessage());
    }

    @Test
    void duplicateTaskIdsAreRejectedEvenAcrossSteps() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> minimal().steps(List.of(
                step(StepId.of(P1, "n1"), task(P1, "t1")),
                step(StepId.of(P1, "n2"), task(P1, "t1")))).build());
        assertEquals("process P1 lists task P1/t1 twice", e.getMessage());

        assertThrows(IllegalArgumentException.class, () -> minimal().steps(List.of(
                step(StepId.of(P1, "n1"), task(P1, "t1"), task(P1, "t1")))).build());
    }

    @Test
    void stepOfAnotherProcessIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> minimal().steps(List.of(step(StepId.of(P2, "n1")))).build());
        assertEquals("step P2/n1 does not belong to process P1", e.getMessage());
    }

    @Test
    void taskOfAnotherProcessIsRejectedByItsStep() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> step(StepId.of(P1, "n1"), task(P2, "t1")));
        assertEquals("task P2/t1 does not belong to the process of step P1/n1", e.getMessage());
    }

    @Test
    void requiredFieldsAreNamedWhenMissing() {
        assertEquals("process id", assertThrows(NullPointerException.class,
                () -> minimal().id(null).build()).getMessage());
        assertEquals("definition", assertThrows(NullPointerException.class,
                () -> minimal().definition(null).build()).getMessage());
        assertEquals("record", assertThrows(NullPointerException.class,
                () -> minimal().record(null).build()).getMessage());
        assertEquals("createdAt", assertThrows(NullPointerException.class,
                () -> minimal().createdAt(null).build()).getMessage());
        assertEquals("state", assertThrows(NullPointerException.class,
                () -> ApprovalProcess.builder().id(P1).providerId("x").definition(FLOW).record(CONTRACT)
                        .createdAt(T0).build()).getMessage());
        assertEquals("provider id must not be blank", assertThrows(IllegalArgumentException.class,
                () -> minimal().providerId(" ").build()).getMessage());
    }

    @Test
    void attributesKeepTheirOrderAndCannotBeChangedAfterwards() {
        Map<String, String> source = new LinkedHashMap<>();
        source.put("zeta", "1");
        source.put("alpha", "2");
        ApprovalProcess p = minimal().attributes(source).attribute("mid", "3").build();
        source.put("late", "4");

        assertEquals(List.of("zeta", "alpha", "mid"), List.copyOf(p.attributes().keySet()));
        assertThrows(UnsupportedOperationException.class, () -> p.attributes().remove("zeta"));
        assertThrows(NullPointerException.class, () -> minimal().attribute("k", null));
    }

    @Test
    void toBuilderCopiesEverythingAndLeavesTheOriginalAlone() {
        ApprovalProcess original = DomainFixtures.approve(DomainFixtures.open(single("Manager", ALICE),
                single("Finance", BOB)), ALICE, t(1)).toBuilder().attribute("k", "v").build();

        ApprovalProcess copy = original.toBuilder().build();
        assertEquals(original, copy);
        assertEquals(original.hashCode(), copy.hashCode());
        assertNotSame(original, copy);

        ApprovalProcess changed = original.toBuilder().attribute("k2", "v2").vendorStatus("x").build();
        assertEquals(Map.of("k", "v"), original.attributes());
        assertEquals("IN_PROGRESS", original.vendorStatus());
        assertEquals("x", changed.vendorStatus());
    }
}
