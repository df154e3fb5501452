package readme;

import java.util.Map;
import org.openapproval.core.Approvals;
import org.openapproval.core.domain.RecordRef;
import org.openapproval.core.port.in.ApprovalService;
import org.openapproval.sandbox.kit.ProviderSandbox;
import org.openapproval.sandbox.kit.Sandboxes;

public class ConnectToNocoly {
    public static void main(String[] args) {
        try (ProviderSandbox tenant = Sandboxes.load().forProvider("nocoly").orElseThrow().start()) {
            // a real tenant: Map.of("app-key", "…"), the sign etc. from the environment (APPROVAL_NOCOLY_SIGN, …);
            // here the sandbox's endpoint and keys
            Map<String, String> config = tenant.connectionConfig();
            try (ApprovalService approvals = Approvals.connect("nocoly", config)) {
                System.out.println(approvals.processesOf(RecordRef.of("contracts", "7f3c0ffee")));
            }
        }
    }
}
