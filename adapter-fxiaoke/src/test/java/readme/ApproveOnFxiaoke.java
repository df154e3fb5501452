package readme;

import java.util.List;
import org.openapproval.core.Approvals;
import org.openapproval.core.domain.ApprovalMode;
import org.openapproval.core.domain.ApprovalProcess;
import org.openapproval.core.domain.RecordRef;
import org.openapproval.core.domain.StepPlan;
import org.openapproval.core.domain.TaskId;
import org.openapproval.core.domain.UserRef;
import org.openapproval.core.port.in.ApprovalService;
import org.openapproval.core.port.in.ApproveCommand;
import org.openapproval.sandbox.kit.ProcessSeed;
import org.openapproval.sandbox.kit.ProviderSandbox;
import org.openapproval.sandbox.kit.Sandboxes;

public class ApproveOnFxiaoke {
    public static void main(String[] args) {
        // the Fxiaoke sandbox stands in for a tenant, with a contract awaiting its manager's approval
        try (ProviderSandbox tenant = Sandboxes.load().forProvider("fxiaoke").orElseThrow().start()) {
            UserRef manager = UserRef.of("1001");
            RecordRef contract = tenant.seedProcess(new ProcessSeed("Contract review", "Contract 7", UserRef.of("1000"),
                    List.of(StepPlan.approval("Manager", ApprovalMode.SINGLE, manager)))).record();
            // a real tenant: Approvals.connect("fxiaoke", Map.of("default-user-id", "1001")), the rest from the environment
            try (ApprovalService approvals = Approvals.connect("fxiaoke", tenant.connectionConfig())) {
                for (ApprovalProcess p : approvals.processesOf(contract)) {
                    System.out.println(p.state() + " (" + p.vendorStatus() + ")");
                }
                TaskId task = approvals.pendingTasks(manager).findFirst().orElseThrow().task();
                approvals.approve(ApproveCommand.of(task, manager, "approved after review"));
                System.out.println(approvals.processesOf(contract).get(0).state());
            }
        }
    }
}
