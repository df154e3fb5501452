package readme;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openapproval.core.Approvals;
import org.openapproval.core.domain.ApprovalProcess;
import org.openapproval.core.domain.PendingTask;
import org.openapproval.core.domain.RecordRef;
import org.openapproval.core.domain.UserRef;
import org.openapproval.core.port.in.ApprovalService;
import org.openapproval.core.port.in.ApproveCommand;
import org.openapproval.core.port.in.Capability;

public class UsingIt {
    public static void main(String[] args) {
        // "in-memory" needs no settings; for a vendor: Approvals.connect("fxiaoke", Map.of("app-id", "…", …))
        try (ApprovalService approvals = Approvals.connect("in-memory", Map.of())) {
            Set<Capability> can = approvals.capabilities();
            List<ApprovalProcess> processes = approvals.processesOf(RecordRef.of("ContractObj", "C-2026-001"));
            UserRef manager = UserRef.of("1001");
            for (PendingTask task : approvals.pendingTasks(manager).toList()) {
                approvals.approve(new ApproveCommand(task.task(), manager, "looks fine"));
            }
            System.out.println(can + " " + processes.size() + " processes");
        }
    }
}
