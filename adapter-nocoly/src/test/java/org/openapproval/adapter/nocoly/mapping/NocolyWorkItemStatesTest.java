package org.openapproval.adapter.nocoly.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openapproval.adapter.nocoly.dto.ApprovalDetailResponse;
import org.openapproval.adapter.support.VendorJson;
import org.openapproval.core.domain.Actor;
import org.openapproval.core.domain.ApprovalProcess;
import org.openapproval.core.domain.ProcessId;
import org.openapproval.core.domain.Step;
import org.openapproval.core.domain.Task;
import org.openapproval.core.domain.TaskId;
import org.openapproval.core.domain.TaskOutcome;
import org.openapproval.core.domain.TaskState;

/** Every work-item code of the fact sheet (§4.6) per node type, in a recorded W5 answer. */
class NocolyWorkItemStatesTest {
    private static final ProcessId ID = ProcessId.of("ws", "row", "i1");
    private ApprovalProcess process;

    @BeforeEach
    void map() throws IOException {
        ObjectMapper json = VendorJson.create();
        try (InputStream in = getClass().getResourceAsStream("/nocoly/work-item-states.json")) {
            process = new NocolyProcessMapperImpl().toProcess(ID,
                    json.readValue(in, ApprovalDetailResponse.class).data());
        }
    }

    private Task task(String work, String item) {
        return process.task(TaskId.of(ID, work, item)).orElseThrow(() -> new AssertionError(work + ":" + item));
    }

    @ParameterizedTest(name = "{0}/{1}: code {2} -> {3} {4} by {5}")
    @CsvSource({
            "w0, s1, start 9,     COMPLETED, SUBMITTED,               person",
            "w1, c1, cc 1,        COMPLETED, ACKNOWLEDGED,            person",
            "w2, f1, fill 1,      COMPLETED, FILLED_IN,               person",
            "w2, f2, fill 22,     COMPLETED, FILLED_IN,               person",
            "w2, f3, fill 9,      COMPLETED, SUBMITTED,               person",
            "w2, f4, fill 2,      CANCELLED, CLOSED_WITHOUT_DECISION, person",
            "w2, f5, fill 5,      CANCELLED, CLOSED_WITHOUT_DECISION, system",
            "w3, a1, approve 1,   APPROVED,  APPROVED,                person",
            "w3, a2, approve 4,   REJECTED,  REJECTED,                person",
            "w3, a3, approve 3,   CANCELLED, CLOSED_WITHOUT_DECISION, person",
            "w3, a4, approve 5,   CANCELLED, CLOSED_WITHOUT_DECISION, system",
            "w3, a5, approve 8,   CANCELLED, CLOSED_WITHOUT_DECISION, person",
            "w3, a6, approve 22,  REJECTED,  REJECTED,                person",
    })
    void everyClosedCodeHasADefinedOutcomeAndActor(String work, String item, String what, TaskState state,
                                                   TaskOutcome outcome, String by) {
        Task t = task(work, item);
        assertEquals(state, t.state(), what);
        assertEquals(Optional.of(outcome), t.outcome(), what);
        assertEquals(by.equals("system"), t.completedBy().map(Actor::isSystem).orElseThrow(), what);
        assertEquals(outcome.isDecision(), t.decision().isPresent(), what + ": only decisions carry a Decision");
    }

    @Test
    void aReadCopyAFilledFormAndASubmissionAreNoApprovals() {
        for (Task t : List.of(task("w0", "s1"), task("w1", "c1"), task("w2", "f1"), task("w2", "f3"))) {
            assertEquals(TaskState.COMPLETED, t.state(), t.toString());
        }
        assertEquals(TaskState.WAITING, task("w1", "c2").state(), "an unread copy waits for nobody's decision");
    }

    @Test
    void anUnknownCodeIsUnknownWithItsRawValue() {
        Task odd = task("w3", "a7");
        assertEquals(TaskState.UNKNOWN, odd.state());
        assertEquals("77", odd.vendorStatus());
    }

    @Test
    void aDecisionWithoutAnOperationTimeHasNoTime() {
        assertEquals(Optional.empty(), task("w3", "a1").decision().orElseThrow().time(),
                "the vendor gave no operationTime; the receive time is not the decision's");
    }

    @Test
    void worksCurrentAtTheSameTimeAreParallelBranchesOfOneStage() {
        List<List<Step>> stages = process.stages();
        assertEquals(List.of("w4", "w5"), stages.get(stages.size() - 1).stream().map(s -> s.id().segment(0)).toList(),
                "two current works run side by side: " + stages);
        assertEquals(2, process.pendingTasks().size());
    }
}
