package org.openapproval.cli;

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
import org.openapproval.core.domain.Verdict;
import org.openapproval.sandbox.kit.ProviderSandbox;
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
    static final int COLUMNS = 120;

    @Option(names = {"-p", "--provider"}, paramLabel = "<id>", description = "only these providers (repeatable)")
    List<String> only = new ArrayList<>();

    @Spec
    CommandSpec spec;
    private final ProviderRegistry registry;
    private final Connector connector;
    private final Renderer renderer;

    DemoCommand(ProviderRegistry registry, Connector connector, Renderer renderer) {
        this.registry = registry;
        this.connector = connector;
        this.renderer = renderer;
    }

    @Override
    public Integer call() {
        // the story fits a 120-column terminal: long lines (vendor reasons, comments) wrap
        PrintWriter out = new PrintWriter(new WrappingWriter(spec.commandLine().getOut(), COLUMNS), true);
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
        int width = finals.keySet().stream().mapToInt(DisplayWidth::of).max().orElse(0);
        finals.forEach((process, state) -> out.println("  " + DisplayWidth.pad(process, width) + "  " + state));
        out.flush();
        return failed == 0 ? ExitCodes.OK : ExitCodes.VENDOR;
    }

    /**
     * Per provider: one flow that ends APPROVED, one that ends REJECTED, one returned to the manager and
     * approved again (where the vendor can return), and one withdrawn by its initiator (where it can cancel),
     * after the manager was refused: only the initiator may withdraw.
     */
    private void story(Session session, PrintWriter out, Map<String, String> finals) {
        ApprovalService service = session.service();
        SeededProcess seeded = session.sample().orElseThrow();
        String id = service.providerId();
        out.println("1. A contract on record " + IdDisplay.shorten(seeded.record().value()) + " awaits approval");
        out.print(renderer.table(renderer.processHeaders(),
                service.processesOf(seeded.record()).stream().map(renderer::processRow).toList(), "no processes"));
        out.print(indent(renderer.processTree(service.process(seeded.process()).orElseThrow(), true)));

        if (can(service, Capability.LIST_DEFINITIONS, out, "   Definitions")) {
            out.println("   Definitions: " + service.definitions().stream().map(d -> d.ref().displayName()).toList());
        }
        if (can(service, Capability.START, out, "   Start")) {
            service.definitions().stream().filter(d -> d.ref().displayName().equals(Connector.EXPENSE_CLAIM))
                    .findFirst().ifPresent(d -> {
                        var started = service.start(org.openapproval.core.port.in.StartCommand.builder(d.ref().id())
                                .initiator(Connector.ALICE).allowIgnoredInputs().input("amount", "120").build());
                        out.println("   Started '" + d.ref().displayName() + "' with amount=120 -> "
                                + started.process().map(p -> "process " + IdDisplay.shorten(p.value()))
                                .orElse("accepted (the vendor returns no process id)"));
                    });
        }
        if (can(service, Capability.PENDING_TASKS, out, "2. Bob's inbox")) {
            out.println("2. Bob's inbox: " + service.pendingTasks(Connector.BOB)
                    .map(t -> IdDisplay.shorten(t.task().value())).toList());
        }
        if (!can(service, Capability.APPROVE, out, "3. Decisions")) {
            finals.put(id + " " + IdDisplay.shorten(seeded.process().value()),
                    service.process(seeded.process()).orElseThrow().state().name());
            return;
        }
        // A: everyone approves
        decide(service, seeded, Connector.BOB, Verdict.APPROVE, "Budget checked, fine by me", out, "3. ");
        decide(service, seeded, Connector.CAROL, Verdict.APPROVE, "Numbers add up", out, "   ");
        decide(service, seeded, Connector.DAVE, Verdict.APPROVE, "Approved for payment", out, "   ");
        ApprovalProcess approved = service.process(seeded.process()).orElseThrow();
        out.print(indent(renderer.processTree(approved, true)));
        finals.put(id + " " + IdDisplay.shorten(approved.id().value()) + " (everyone approves)", approved.state().name());

        // B: finance rejects
        ProviderSandbox sandbox = session.sandbox().orElseThrow();
        SeededProcess second = sandbox.seedProcess(Connector.sampleFlow("Second contract"));
        if (can(service, Capability.REJECT, out, "4. Carol rejects")) {
            decide(service, second, Connector.BOB, Verdict.APPROVE, "Fine by me", out, "4. ");
            decide(service, second, Connector.CAROL, Verdict.REJECT, "Over this year's budget", out, "   ");
            finals.put(id + " " + IdDisplay.shorten(second.process().value()) + " (finance rejects)",
                    service.process(second.process()).orElseThrow().state().name());
        }

        // C: finance returns it to the manager, who approves it again
        if (can(service, Capability.RETURN, out, "5. Carol returns a contract")) {
            SeededProcess third = sandbox.seedProcess(Connector.sampleFlow("Third contract"));
            decide(service, third, Connector.BOB, Verdict.APPROVE, "Fine by me", out, "5. ");
            Task carols = pending(service.process(third.process()).orElseThrow(), Connector.CAROL);
            List<Step> targets = service.returnTargets(carols.id());
            out.println("   Carol may return to: " + targets.stream().map(Step::name).toList());
            var back = service.returnTo(ReturnCommand.to(carols.id(), targets.get(0).id(), Connector.CAROL,
                    "Please attach the supplier quote"));
            out.println("   Carol returns it to '" + targets.get(0).name() + "' -> process " + state(back.processAfter()));
            decide(service, third, Connector.BOB, Verdict.APPROVE, "Quote attached, resubmitted", out, "   ");
            out.print(indent(renderer.processTree(service.process(third.process()).orElseThrow(), true)));
            finals.put(id + " " + IdDisplay.shorten(third.process().value()) + " (returned, resubmitted)",
                    service.process(third.process()).orElseThrow().state().name());
        }

        // D: only the initiator may withdraw
        if (can(service, Capability.CANCEL, out, "6. Alice withdraws a request")) {
            SeededProcess fourth = sandbox.seedProcess(Connector.sampleFlow("Fourth contract"));
            try {
                service.cancel(new CancelCommand(fourth.process(), Connector.BOB, "Not needed"));
                out.println("6. Bob withdraws Alice's request: allowed by " + id + "'s cancel rule");
            } catch (org.openapproval.core.domain.ActorNotAllowedException refused) {
                out.println("6. Bob may not withdraw Alice's request: " + Renderer.oneLine(refused.getMessage()));
            }
            var cancelled = service.cancel(new CancelCommand(fourth.process(), Connector.ALICE, "Ordered by mistake"));
            out.println("   Alice withdraws it -> process " + state(cancelled.processAfter()));
            finals.put(id + " " + IdDisplay.shorten(fourth.process().value()) + " (withdrawn)",
                    state(cancelled.processAfter()));
        }
    }

    /** The user's pending task on that process gets the verdict (approve or reject). */
    private void decide(ApprovalService service, SeededProcess seeded, UserRef user, Verdict verdict, String comment,
                        PrintWriter out, String prefix) {
        Task task = pending(service.process(seeded.process()).orElseThrow(), user);
        var receipt = verdict == Verdict.APPROVE
                ? service.approve(ApproveCommand.of(task.id(), user, comment))
                : service.reject(RejectCommand.of(task.id(), user, comment));
        out.println(prefix + user.displayName().split(" ")[0] + (verdict == Verdict.APPROVE ? " approves " : " rejects ")
                + IdDisplay.shorten(task.id().value()) + " \"" + comment + "\" -> process " + state(receipt.processAfter()));
    }

    private static String indent(String text) {
        return text.lines().map(l -> "   " + l).collect(java.util.stream.Collectors.joining(System.lineSeparator(),
                "", System.lineSeparator()));
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
