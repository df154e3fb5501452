package org.openapproval.cli;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.openapproval.core.domain.ApprovalProcess;
import org.openapproval.core.domain.Step;
import org.openapproval.core.domain.Task;
import org.openapproval.core.domain.UserRef;
import org.openapproval.core.port.in.ApprovalService;
import org.openapproval.core.port.in.ApproveCommand;
import org.openapproval.core.port.in.CancelCommand;
import org.openapproval.core.port.in.RejectCommand;
import org.openapproval.core.port.in.ReturnCommand;
import org.openapproval.core.spi.ApprovalProvider;
import org.openapproval.core.port.in.Capability;
import org.openapproval.core.bootstrap.ProviderRegistry;
import org.openapproval.sandbox.kit.SeededProcess;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The story, told for every provider on the class path, each on its own embedded sandbox: a contract
 * awaits approval; the manager approves; finance sends it back (or rejects it where the vendor cannot
 * return); a second request is withdrawn. Missing capabilities are explained, not fatal.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Walk through every capability of each provider on its embedded sandbox.")
final class DemoCommand implements Callable<Integer> {
    @Option(names = {"-p", "--provider"}, paramLabel = "<id>", description = "only these providers (repeatable)")
    List<String> only = new ArrayList<>();

    @Spec
    CommandSpec spec;
    @Inject
    ProviderRegistry registry;
    @Inject
    Connector connector;
    @Inject
    Renderer renderer;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<ApprovalProvider> providers = only.isEmpty() ? registry.descriptors().stream()
                .map(d -> registry.provider(d.id())).toList() : only.stream().map(registry::provider).toList();
        Map<String, String> finals = new LinkedHashMap<>();
        int failed = 0;
        for (ApprovalProvider provider : providers) {
            String id = provider.descriptor().id();
            out.println("=== " + id + ": " + provider.descriptor().displayName() + " ===");
            try (Session session = connector.sandboxed(provider, err)) {
                story(session, out, finals);
            } catch (RuntimeException e) {
                // one provider's trouble must not hide the others' stories
                failed++;
                out.println("!! the " + id + " story stopped: " + Renderer.oneLine(String.valueOf(e.getMessage())));
                finals.put(id, "FAILED (" + e.getClass().getSimpleName() + ")");
            }
            out.println();
            out.flush();
        }
        out.println("final states");
        finals.forEach((process, state) -> out.println("  " + process + "  " + state));
        out.flush();
        return failed == 0 ? ExitCodes.OK : ExitCodes.VENDOR;
    }

    private void story(Session session, PrintWriter out, Map<String, String> finals) {
        ApprovalService service = session.service();
        SeededProcess seeded = session.sample().orElseThrow();
        String id = service.providerId();
        out.println("1. A contract on record " + seeded.record() + " awaits approval (process " + seeded.process() + ")");
        out.print(renderer.table(Renderer.processHeaders(),
                service.processesOf(seeded.record()).stream().map(renderer::processRow).toList()));
        ApprovalProcess process = service.process(seeded.process()).orElseThrow();
        out.print(renderer.processTree(process));

        if (can(service, Capability.LIST_DEFINITIONS, out, "   Definitions")) {
            out.println("   Definitions: " + service.definitions().stream().map(d -> d.ref().toString()).toList());
        }
        if (can(service, Capability.START, out, "   Start")) {
            service.definitions().stream().filter(d -> d.ref().displayName().equals(Connector.EXPENSE_CLAIM))
                    .findFirst().ifPresent(d -> {
                        var started = service.start(org.openapproval.core.port.in.StartCommand.builder(d.ref().id())
                                .initiator(Connector.ALICE).allowIgnoredInputs().input("amount", "120").build());
                        out.println("   Started '" + d.ref().displayName() + "' with amount=120 -> "
                                + started.process().map(p -> "process " + p.value()).orElse("accepted (the vendor "
                                + "returns no process id)"));
                    });
        }
        if (can(service, Capability.PENDING_TASKS, out, "2. Bob's inbox")) {
            out.println("2. Bob's inbox: " + service.pendingTasks(Connector.BOB).map(t -> t.task().value()).toList());
        }
        if (can(service, Capability.APPROVE, out, "3. Bob approves")) {
            Task bobs = pending(process, Connector.BOB);
            var receipt = service.approve(ApproveCommand.of(bobs.id(), Connector.BOB, "Budget checked, fine by me"));
            out.println("3. Bob approves " + bobs.id() + " -> process " + state(receipt.processAfter()));
            process = service.process(seeded.process()).orElseThrow();
            Task carols = pending(process, Connector.CAROL);
            List<Step> targets = service.capabilities().contains(Capability.RETURN)
                    ? service.returnTargets(carols.id()) : List.of();
            if (!targets.isEmpty()) {
                out.println("4. Carol may return to: " + targets.stream().map(Step::name).toList());
                var back = service.returnTo(ReturnCommand.to(carols.id(), targets.get(0).id(), Connector.CAROL,
                        "Please attach the supplier quote"));
                out.println("   Carol returns it to '" + targets.get(0).name() + "' -> process "
                        + state(back.processAfter()));
            } else if (can(service, Capability.REJECT, out, "4. Carol rejects")) {
                out.println("4. " + id + " cannot return a task: " + service.unsupportedReason(Capability.RETURN)
                        .orElse("") + "; Carol rejects instead");
                var rejected = service.reject(RejectCommand.of(carols.id(), Connector.CAROL, "Over this year's budget"));
                out.println("   Carol rejects " + carols.id() + " -> process " + state(rejected.processAfter()));
            }
        }
        ApprovalProcess after = service.process(seeded.process()).orElseThrow();
        out.print(renderer.processTree(after));
        finals.put(id + " " + after.id().value(), after.state().name());

        if (can(service, Capability.CANCEL, out, "5. Alice withdraws a second request")) {
            SeededProcess second = session.sandbox().orElseThrow().seedProcess(Connector.sampleFlow("Second contract"));
            var cancelled = service.cancel(new CancelCommand(second.process(), Connector.ALICE, "Ordered by mistake"));
            out.println("5. Alice withdraws " + second.process() + " -> process " + state(cancelled.processAfter()));
            finals.put(id + " " + second.process().value(), state(cancelled.processAfter()));
        }
    }

    private static boolean can(ApprovalService service, Capability capability, PrintWriter out, String step) {
        if (service.capabilities().contains(capability)) {
            return true;
        }
        out.println(step + ": skipped, " + service.providerId() + " lacks " + capability + " ("
                + service.unsupportedReason(capability).orElse("not offered") + ")");
        return false;
    }

    private static Task pending(ApprovalProcess process, UserRef user) {
        return process.pendingTasks().stream().filter(t -> t.assignee().isSamePersonAs(user)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no pending task for " + user + " in " + process.id()));
    }

    private static String state(Optional<ApprovalProcess> process) {
        return process.map(p -> p.state().name()).orElse("(not read back)");
    }
}
