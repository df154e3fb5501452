package readme;

import com.google.inject.Guice;
import com.google.inject.Injector;
import org.openapproval.core.guice.ApprovalModule;
import org.openapproval.core.port.in.ApprovalService;
import org.openapproval.sandbox.kit.ProviderSandbox;
import org.openapproval.sandbox.kit.Sandboxes;

public class GuiceHost {
    public static void main(String[] args) {
        try (ProviderSandbox tenant = Sandboxes.load().forProvider("nocoly").orElseThrow().start()) {
            // a real tenant: new ApprovalModule("nocoly", Map.of("app-key", "…")); here the Nocoly sandbox's keys
            ApprovalModule approvalModule = new ApprovalModule("nocoly", tenant.connectionConfig());
            Injector injector = Guice.createInjector(approvalModule);
            ApprovalService approvals = injector.getInstance(ApprovalService.class);
            System.out.println(approvals.capabilities());
            // at shutdown: closes the service the module created, and with it the provider's HTTP clients
            approvalModule.close();
        }
    }
}
