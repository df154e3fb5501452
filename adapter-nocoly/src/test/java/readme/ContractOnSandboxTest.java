package readme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openapproval.core.Approvals;
import org.openapproval.core.domain.ApprovalMode;
import org.openapproval.core.domain.ApprovalProcess;
import org.openapproval.core.domain.StepPlan;
import org.openapproval.core.domain.UserRef;
import org.openapproval.core.port.in.ApprovalService;
import org.openapproval.core.spi.ApprovalProvider;
import org.openapproval.core.spi.ProviderConfig;
import org.openapproval.sandbox.kit.ProcessSeed;
import org.openapproval.sandbox.kit.ProviderSandbox;
import org.openapproval.sandbox.kit.Sandboxes;
import org.openapproval.sandbox.kit.SeededProcess;

class ContractOnSandboxTest {
    @Test
    void theSeededContractAwaitsTheManager() {
        try (ProviderSandbox sandbox = Sandboxes.load().forProvider("nocoly").orElseThrow().start()) {
            SeededProcess seeded = sandbox.seedProcess(new ProcessSeed("Contract review", "Contract 7",
                    UserRef.of("alice"), List.of(StepPlan.approval("Manager", ApprovalMode.SINGLE, UserRef.of("bob")))));
            ApprovalProvider provider = sandbox.provider();
            try (ApprovalService approvals = Approvals.connect(provider,
                    ProviderConfig.of(provider.descriptor(), sandbox.connectionConfig()), Clock.systemUTC())) {
                ApprovalProcess process = approvals.process(seeded.process()).orElseThrow();
                assertEquals(seeded.record(), process.record());
                assertEquals(UserRef.of("bob"), process.pendingTasks().get(0).assignee());
            }
        }
    }
}
