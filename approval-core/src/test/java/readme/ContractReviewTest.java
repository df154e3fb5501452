package readme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openapproval.core.domain.ApprovalMode;
import org.openapproval.core.domain.ApprovalProcess;
import org.openapproval.core.domain.StepPlan;
import org.openapproval.core.domain.TaskId;
import org.openapproval.core.domain.UserRef;
import org.openapproval.core.inmemory.InMemoryApprovalStore;
import org.openapproval.core.port.in.ApprovalService;
import org.openapproval.core.port.in.ApproveCommand;

class ContractReviewTest {
    final UserRef alice = UserRef.of("alice"), bob = UserRef.of("bob");
    final UserRef carol = UserRef.of("carol"), dave = UserRef.of("dave");
    final Instant t0 = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void afterTheManagerFinanceDecidesAllOfThem() {
        InMemoryApprovalStore store = InMemoryApprovalStore.create(Clock.fixed(t0, ZoneOffset.UTC));
        ApprovalProcess seeded = store.openProcess("Contract review", alice,
                List.of(StepPlan.approval("Manager", ApprovalMode.SINGLE, bob),
                        StepPlan.approval("Finance", ApprovalMode.ALL_OF, carol, dave)));
        try (ApprovalService approvals = store.connect()) {
            TaskId bobsTask = approvals.process(seeded.id()).orElseThrow().pendingTasks().get(0).id();
            approvals.approve(ApproveCommand.of(bobsTask, bob, "ok"));
            ApprovalProcess now = approvals.process(seeded.id()).orElseThrow();
            assertEquals("Finance", now.currentSteps().get(0).name());
            assertEquals(2, now.pendingTasks().size()); // carol's and dave's
        }
    }
}
