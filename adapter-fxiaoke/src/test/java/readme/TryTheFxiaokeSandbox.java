package readme;

import java.util.List;
import java.util.Map;
import org.openapproval.core.Approvals;
import org.openapproval.core.domain.ApprovalMode;
import org.openapproval.core.domain.StepPlan;
import org.openapproval.core.domain.UserRef;
import org.openapproval.core.port.in.ApprovalService;
import org.openapproval.sandbox.kit.Fault;
import org.openapproval.sandbox.kit.ProcessSeed;
import org.openapproval.sandbox.kit.ProviderSandbox;
import org.openapproval.sandbox.kit.Sandboxes;
import org.openapproval.sandbox.kit.SeededProcess;

public class TryTheFxiaokeSandbox {
    public static void main(String[] args) {
        try (ProviderSandbox sandbox = Sandboxes.load().forProvider("fxiaoke").orElseThrow().start()) {
            Map<String, String> config = sandbox.connectionConfig(); // endpoint and credentials of this sandbox
            SeededProcess seeded = sandbox.seedProcess(new ProcessSeed("Contract review", "Contract 7",
                    UserRef.of("1000"), List.of(StepPlan.approval("Manager", ApprovalMode.SINGLE, UserRef.of("1001")))));
            try (ApprovalService approvals = Approvals.connect("fxiaoke", config)) {
                sandbox.injectFault(Fault.of(Fault.Kind.VENDOR_UNAVAILABLE, 1)); // the next request fails
                System.out.println(approvals.process(seeded.process()).orElseThrow().state() // a read retries
                        + " after " + sandbox.requestCount() + " requests");
            }
        }
    }
}
