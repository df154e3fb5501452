package org.openapproval.adapter.fxiaoke.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openapproval.adapter.fxiaoke.dto.ApprovalInstanceGetResponse;
import org.openapproval.adapter.support.VendorJson;
import org.openapproval.core.domain.Actor;
import org.openapproval.core.domain.ApprovalProcess;
import org.openapproval.core.domain.ProcessId;
import org.openapproval.core.domain.Step;
import org.openapproval.core.domain.StepId;
import org.openapproval.core.domain.StepState;
import org.openapproval.core.domain.Task;
import org.openapproval.core.domain.TaskId;
import org.openapproval.core.domain.TaskOutcome;
import org.openapproval.core.domain.TaskState;
import org.openapproval.core.domain.TimelineEntry;
import org.openapproval.core.domain.Verdict;

/** Every task {@code state} of the fact sheet, recorded as {@code approvalInstance/get} answers it. */
class FxiaokeTaskStatesTest {
    private final ObjectMapper json = VendorJson.create();
    private final FxiaokeProcessMapper mapper = new FxiaokeProcessMapperImpl();

    private ApprovalProcess read(String resource) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/fxiaoke/" + resource)) {
            return mapper.toProcess(json.readValue(in, ApprovalInstanceGetResponse.class).instanceDetail());
        }
    }

    private static Task task(ApprovalProcess p, String vendorTask, String person) {
        return p.task(TaskId.of(p.id(), vendorTask, person)).orElseThrow(() -> new AssertionError(
                vendorTask + ":" + person + " missing from " + p.steps()));
    }

    @ParameterizedTest(name = "{0}: {2} -> {3} {4} by {5}")
    @CsvSource({
            "t-pass,        1002, pass,         APPROVED,  APPROVED,             person",
            "t-auto-pass,   1003, auto_pass,    COMPLETED, PASSED_AUTOMATICALLY, system",
            "t-one-pass,    1004, pass,         APPROVED,  APPROVED,             person",
            "t-one-pass,    1005, pass,         CANCELLED, CLOSED_WITHOUT_DECISION, system",
            "t-go-back,     1006, go_back,      RETURNED,  RETURNED,             person",
            "t-auto-go-back,1007, auto_go_back, CANCELLED, CLOSED_WITHOUT_DECISION, system",
            "t-cancel,      1008, cancel,       CANCELLED, CLOSED_WITHOUT_DECISION, system",
            "t-error,       1009, error,        CANCELLED, CLOSED_WITHOUT_DECISION, system",
            "t-reject,      1010, reject,       REJECTED,  REJECTED,             person",
    })
    void everyClosedTaskStateHasADefinedOutcomeAndActor(String vendorTask, String person, String raw, TaskState state,
                                                        TaskOutcome outcome, String by) throws IOException {
        Task t = task(read("task-states.json"), vendorTask, person);
        assertEquals(state, t.state(), raw);
        assertEquals(Optional.of(outcome), t.outcome(), raw);
        assertEquals(by.equals("system"), t.completedBy().map(Actor::isSystem).orElseThrow(), raw);
        assertEquals(outcome.isDecision(), t.decision().isPresent(), raw + ": only decisions carry a Decision");
    }

    @Test
    void openAndUnknownStatesKeepTheirRawValue() throws IOException {
        ApprovalProcess p = read("task-states.json");
        assertEquals(TaskState.PENDING, task(p, "t-in-progress", "1011").state());
        assertEquals(TaskState.WAITING, task(p, "t-schedule", "1012").state(), "schedule: planned, not reached yet");
        assertEquals(StepState.WAITING, p.step(StepId.of(p.id(), "t-schedule")).orElseThrow().state());
        Task unknown = task(p, "t-new-value", "1013");
        assertEquals(TaskState.UNKNOWN, unknown.state());
        assertEquals(Optional.of(TaskOutcome.UNKNOWN), unknown.outcome());
        assertEquals("delegated_somewhere", unknown.vendorStatus(), "an unknown state keeps the raw status");
    }

    @Test
    void anAutomaticPassIsAnApprovedStepNotACancelledOne() throws IOException {
        Step auto = read("task-states.json").step(StepId.of(ProcessId.of("65a1000000000000000000a1"), "t-auto-pass"))
                .orElseThrow();
        assertEquals(StepState.APPROVED, auto.state());
    }

    @Test
    void aDecisionWithoutAReplyTimeHasNoTimeRatherThanAnInventedOne() throws IOException {
        ApprovalProcess p = read("task-states.json");
        Task approved = task(p, "t-one-pass", "1004");
        assertEquals(Optional.empty(), approved.decision().orElseThrow().time(), "the vendor gave no replyTime");
        assertTrue(p.timeline().stream().map(TimelineEntry::time).flatMap(Optional::stream)
                .noneMatch(Instant.EPOCH::equals), "no entry is dated 1970: " + p.timeline());
    }

    @Test
    void afterAReturnTheReopenedNodeIsTheEarlierStepUnderItsIdAndName() throws IOException {
        ApprovalProcess p = read("return-then-reopen.json");
        Task bobAgain = p.pendingTasks().get(0);
        Step reopened = p.stepOf(bobAgain.id()).orElseThrow();
        StepId first = StepId.of(p.id(), "t1");
        assertEquals(first, reopened.id(), "the re-opened node is the step the flow went back to");
        assertEquals("Node 1", reopened.name(), "not 'Node 4': the user saw this step as Node 1");
        assertEquals(StepState.IN_PROGRESS, reopened.state());
        assertEquals(3, p.steps().size(), "one step per node: " + p.steps());
        Task dave = task(p, "t3", "dave");
        assertEquals(Verdict.RETURN, dave.decision().orElseThrow().verdict());
        assertEquals(Optional.of(first), dave.decision().orElseThrow().returnTo());
        assertEquals(TaskId.of(p.id(), "t4", "bob"), bobAgain.id(), "decisions still go to the vendor's new task");
    }

    @Test
    void tasksThatRanAtTheSameTimeAreParallelBranchesOfOneStage() throws IOException {
        ApprovalProcess p = read("parallel-nodes.json");
        List<List<Step>> stages = p.stages();
        assertEquals(2, stages.size(), "p1 alone, then p2 and p3 side by side: " + stages);
        assertEquals(List.of("p2", "p3"), stages.get(1).stream().map(s -> s.id().segment(0)).toList());
    }

    @Test
    void aSequentialFlowStaysSequential() throws IOException {
        ApprovalProcess p = read("return-then-reopen.json");
        assertTrue(p.steps().stream().allMatch(s -> s.stage() == Step.OWN_STAGE), "no stage numbers: " + p.steps());
    }
}
