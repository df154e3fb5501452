package org.openapproval.adapter.fxiaoke.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openapproval.adapter.fxiaoke.dto.ApprovalInstance;
import org.openapproval.adapter.fxiaoke.dto.ApprovalInstanceDetail;
import org.openapproval.adapter.fxiaoke.dto.ApprovalOpinion;
import org.openapproval.adapter.fxiaoke.dto.ApprovalTask;
import org.openapproval.adapter.fxiaoke.dto.ApprovalTaskActionRequest;
import org.openapproval.adapter.fxiaoke.dto.CancelApprovalRequest;
import org.openapproval.adapter.fxiaoke.dto.RejectToBeforeTaskRequest;
import org.openapproval.core.domain.ApprovalProcess;
import org.openapproval.core.domain.Decision;
import org.openapproval.core.domain.DecisionPolicy;
import org.openapproval.core.domain.StepId;
import org.openapproval.core.domain.TaskId;
import org.openapproval.core.domain.UserRef;
import org.openapproval.core.domain.ValidatedDecision;

class FxiaokeRequestMapperTest {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
    private final FxiaokeRequestMapper mapper = new FxiaokeRequestMapperImpl();
    private final UserRef reviewer = UserRef.of("1003");

    private ApprovalProcess twoNodes() {
        ApprovalInstance i = new ApprovalInstance("inst1", "Contract", "data1", "Create", "in_progress", T, null, null,
                "flow1", "1001", null, "ContractObj");
        ApprovalTask passed = new ApprovalTask("node-a", "single", "pass", "flow1", T, T, T,
                List.of(new ApprovalOpinion("agree", "ok", T, "1002")), List.of(), List.of("1002"));
        ApprovalTask current = new ApprovalTask("node-b", "single", "in_progress", "flow1", T, null, null, List.of(),
                List.of("1003"), List.of());
        return new FxiaokeProcessMapperImpl().toProcess(new ApprovalInstanceDetail(i, List.of(passed, current)));
    }

    private ValidatedDecision decide(Decision d) {
        ApprovalProcess p = twoNodes();
        return p.decide(TaskId.of(p.id(), "node-b", "1003"), d, DecisionPolicy.commentsRequired());
    }

    @Test
    void approveAndRejectBecomeTaskActionsOnTheNodesTaskId() {
        assertEquals(new ApprovalTaskActionRequest("node-b", "agree", "fine"),
                mapper.toTaskAction(decide(Decision.approve(reviewer, "fine", T))));
        assertEquals(new ApprovalTaskActionRequest("node-b", "reject", "too high"),
                mapper.toTaskAction(decide(Decision.reject(reviewer, "too high", T))));
    }

    @Test
    void aReturnTargetsTheEarlierNodesTask() {
        ValidatedDecision back = decide(Decision.returnTo(StepId.of(twoNodes().id(), "node-a"), reviewer, "redo", T));
        assertEquals(new RejectToBeforeTaskRequest(new RejectToBeforeTaskRequest.Data("node-b", "node-a", "redo",
                false)), mapper.toRejectToBeforeTask(back));
        assertThrows(IllegalArgumentException.class, () -> mapper.toTaskAction(back),
                "a return is not a task action");
    }

    @Test
    void cancelNamesTheRecordByApiNameAndId() {
        assertEquals(new CancelApprovalRequest(new CancelApprovalRequest.Data("ContractObj", "data1", "withdrawn")),
                mapper.toCancel(twoNodes(), "withdrawn"));
    }
}
