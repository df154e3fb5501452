package org.openapproval.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openapproval.core.domain.ApprovalMode;
import org.openapproval.core.domain.ProcessState;
import org.openapproval.core.domain.StepPlan;
import org.openapproval.core.domain.Task;
import org.openapproval.core.domain.UserRef;
import org.openapproval.core.port.in.ApprovalService;
import org.openapproval.core.port.in.ApproveCommand;
import org.openapproval.core.port.in.ServiceClosedException;
import org.openapproval.core.port.in.WriteReceipt;
import org.openapproval.sandbox.kit.ProcessSeed;
import org.openapproval.sandbox.kit.ProviderSandbox;
import org.openapproval.sandbox.kit.Sandboxes;
import org.openapproval.sandbox.kit.SeededProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A Spring Boot application whose application.properties says only {@code approval.provider=nocoly}; the
 * sandbox's connection keys arrive as properties, as a deployment's would.
 */
@SpringBootTest(classes = NocolySpringBootApplicationTest.App.class)
class NocolySpringBootApplicationTest {
    private static final ProviderSandbox SANDBOX = Sandboxes.load().forProvider("nocoly").orElseThrow().start();
    private static final UserRef ALICE = UserRef.of("alice");
    private static final UserRef BOB = UserRef.of("bob");

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
    }

    @DynamicPropertySource
    static void sandboxKeys(DynamicPropertyRegistry registry) {
        SANDBOX.connectionConfig().forEach((key, value) -> registry.add("approval.nocoly." + key, () -> value));
    }

    private static ApprovalService used;
    private static SeededProcess seeded;
    private static long requestsWhileOpen;

    /** Runs after Spring closed the context: the service, and with it the provider's HTTP client, is closed. */
    @AfterAll
    static void shutdownClosedTheServiceThenStopSandbox() {
        try {
            assertTrue(used.isClosed(), "closed with the context");
            ServiceClosedException closed = assertThrows(ServiceClosedException.class, () -> used.process(seeded.process()));
            assertTrue(closed.getMessage().contains("closed"), closed.getMessage());
            assertEquals(requestsWhileOpen, SANDBOX.requestCount(), "no request after close");
        } finally {
            SANDBOX.close();
        }
    }

    @Autowired
    ApprovalService approvals;
    @Autowired
    HealthEndpoint health;

    @Test
    @DirtiesContext // closes the context right after this test, before @AfterAll checks the shutdown
    void approvesAndReportsHealth() {
        seeded = SANDBOX.seedProcess(new ProcessSeed("Contract review", "Order SO-1001", ALICE,
                List.of(StepPlan.approval("Manager", ApprovalMode.SINGLE, BOB))));
        Task bobs = approvals.pendingTask(seeded.process(), BOB).orElseThrow();

        WriteReceipt receipt = approvals.approve(ApproveCommand.of(bobs.id(), BOB, "fine"));

        assertEquals(ProcessState.APPROVED, receipt.processAfter().orElseThrow().state());
        assertEquals(Status.UP, health.healthForPath("approval").getStatus());
        used = approvals;
        requestsWhileOpen = SANDBOX.requestCount();
    }
}
