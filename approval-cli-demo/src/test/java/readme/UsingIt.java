package readme;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openapproval.core.Approvals;
import org.openapproval.core.domain.ApprovalProcess;
import org.openapproval.core.domain.PendingTask;
import org.openapproval.core.domain.RecordRef;
import org.openapproval.core.domain.Task;
import org.openapproval.core.domain.UserRef;
import org.openapproval.core.port.in.ApprovalService;
import org.openapproval.core.port.in.ApproveCommand;
import org.openapproval.core.port.in.Capability;
import org.openapproval.core.port.in.Page;

public class UsingIt {
    public static void main(String[] args) {
        // "in-memory" needs no settings; for a vendor: Approvals.connect("fxiaoke", Map.of("app-id", "…", …))
        try (ApprovalService approvals = Approvals.connect("in-memory", Map.of())) {
            Set<Capability> can = approvals.capabilities();
            RecordRef contract = RecordRef.of("ContractObj", "C-2026-001");
            List<ApprovalProcess> processes = approvals.processesOf(contract);
            UserRef manager = UserRef.of("1001");
            Optional<Task> mine = approvals.pendingTask(contract, manager); // one user's task on one record
            mine.ifPresent(task -> approvals.approve(ApproveCommand.of(task.id(), manager, "looks fine")));
            for (PendingTask task : approvals.pendingTasks(manager).toList()) { // lazy, page by page
                approvals.approve(ApproveCommand.of(task.task(), manager, "looks fine"));
            }
            Page<PendingTask> page = approvals.pendingTasksPage(manager, Optional.empty()); // for a web UI
            System.out.println(can + " " + processes.size() + " processes, " + page.items().size()
                    + " tasks left, last page: " + page.isLast());
        }
    }
}
