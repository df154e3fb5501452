package readme;

import java.util.Map;
import org.openapproval.core.Approvals;
import org.openapproval.core.domain.RecordRef;
import org.openapproval.core.port.in.ApprovalService;
import org.openapproval.sandbox.kit.ProviderSandbox;
import org.openapproval.sandbox.kit.Sandboxes;

public class ConnectToFxiaoke {
    public static void main(String[] args) {
        try (ProviderSandbox tenant = Sandboxes.load().forProvider("fxiaoke").orElseThrow().start()) {
            // a real tenant: Map.of("app-id", "FSAID_…", "default-user-id", "1000"), secrets from the environment
            // (APPROVAL_FXIAOKE_APP_SECRET, APPROVAL_FXIAOKE_PERMANENT_CODE); here the sandbox's endpoint and keys
            Map<String, String> config = tenant.connectionConfig();
            try (ApprovalService approvals = Approvals.connect("fxiaoke", config)) {
                System.out.println(approvals.processesOf(RecordRef.of("ContractObj", "65f0c0ffee")));
            }
        }
    }
}
