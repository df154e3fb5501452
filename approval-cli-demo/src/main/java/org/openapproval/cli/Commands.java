package org.openapproval.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.openapproval.core.domain.ApprovalDefinition;
import org.openapproval.core.domain.ApprovalProcess;
import org.openapproval.core.domain.PendingTask;
import org.openapproval.core.domain.ProcessId;
import org.openapproval.core.domain.ProcessState;
import org.openapproval.core.domain.RecordRef;
import org.openapproval.core.domain.Step;
import org.openapproval.core.domain.StepId;
import org.openapproval.core.domain.TaskId;
import org.openapproval.core.domain.UserRef;
import org.openapproval.core.port.in.ApproveCommand;
import org.openapproval.core.port.in.CancelCommand;
import org.openapproval.core.port.in.ProcessQuery;
import org.openapproval.core.port.in.RejectCommand;
import org.openapproval.core.port.in.ReturnCommand;
import org.openapproval.core.port.in.StartCommand;
import org.openapproval.core.port.in.WriteReceipt;
import org.openapproval.core.port.in.Capability;
import org.openapproval.core.spi.ProviderDescriptor;
import org.openapproval.core.bootstrap.ProviderRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The `approval` subcommands. Each is small: parse, call ApprovalService, render. */
final class Commands {
    private Commands() {
    }

    @Command(name = "providers", mixinStandardHelpOptions = true,
            description = "List the providers found on the class path: id, name, capabilities, config keys.")
    static final class Providers implements Callable<Integer> {
        @Mixin
        OutputOptions output;
        @Spec
        CommandSpec spec;
        private final ProviderRegistry registry;
        private final Renderer renderer;

        Providers(ProviderRegistry registry, Renderer renderer) {
            this.registry = registry;
            this.renderer = renderer;
        }

        @Override
        public Integer call() {
            return list(registry, renderer, output.json(), spec.commandLine().getOut(), spec.commandLine().getErr());
        }

        /** The listing, also run without picocli by {@link ProvidersListing}. */
        static int list(ProviderRegistry registry, Renderer renderer, boolean json, PrintWriter out, PrintWriter err) {
            // descriptors only: listing creates no provider (no injector, HTTP client or mapper is built)
            List<ProviderDescriptor> providers = registry.descriptors();
            out.print(json ? renderer.json(providers.stream().map(renderer::provider).toList())
                    + System.lineSeparator() : renderer.providersTable(providers));
            for (org.openapproval.core.bootstrap.ProviderProblem p : registry.problems()) {
                err.println("approval: provider not usable: " + p);
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "definitions", mixinStandardHelpOptions = true, description = "List approval flow definitions.")
    static final class Definitions extends ConnectedCommand {
        Definitions(Connector connector, Renderer renderer) {
            super(connector, renderer);
        }

        @Override
        java.util.Optional<Capability> needs() {
            return java.util.Optional.of(Capability.LIST_DEFINITIONS);
        }

        @Override
        void run(Session s, PrintWriter out, PrintWriter err) {
            List<ApprovalDefinition> defs = s.service().definitions();
            print(out, defs.stream().map(renderer::definition).toList(), renderer.table(List.of("DEFINITION", "NAME",
                    "INPUTS"), defs.stream().map(d -> List.of(d.ref().id(), d.ref().displayName(),
                    String.valueOf(d.inputs().size()))).toList(), "no definitions"));
        }
    }

    @Command(name = "processes", mixinStandardHelpOptions = true, description = "List the processes of a record.")
    static final class Processes extends ConnectedCommand {
        @Option(names = "--record", required = true, paramLabel = "<type>:<id>", description = "the business record")
        String record;

        Processes(Connector connector, Renderer renderer) {
            super(connector, renderer);
        }

        @Override
        void validate() {
            RecordRef.parse(record);
        }

        @Override
        void run(Session s, PrintWriter out, PrintWriter err) {
            List<ApprovalProcess> processes = s.service().processesOf(RecordRef.parse(record));
            print(out, processes.stream().map(renderer::process).toList(),
                    renderer.table(renderer.processHeaders(), processes.stream().map(renderer::processRow).toList(),
                            "no processes on record " + record));
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Show one process with its steps, tasks and timeline.")
    static final class Show extends ConnectedCommand {
        @Parameters(paramLabel = "<process>", description = "process id as printed by other commands")
        String process;

        Show(Connector connector, Renderer renderer) {
            super(connector, renderer);
        }

        @Override
        void validate() {
            ProcessId.parse(process);
        }

        @Override
        void run(Session s, PrintWriter out, PrintWriter err) {
            ApprovalProcess p = s.service().process(ProcessId.parse(process)).orElseThrow(() ->
                    new ExitCodes.NothingFoundException("no process " + process + " at provider "
                            + s.service().providerId()));
            print(out, renderer.process(p), renderer.processTree(p));
        }
    }

    @Command(name = "query", mixinStandardHelpOptions = true,
            description = "Query processes by definition, state and creation window; pages are fetched lazily.")
    static final class Query extends ConnectedCommand {
        @Option(names = "--definition", paramLabel = "<id>", description = "definition id (see `definitions`)")
        String definition;
        @Option(names = "--state", paramLabel = "<state>", description = "repeatable: ${COMPLETION-CANDIDATES}")
        List<ProcessState> states = new ArrayList<>();
        @Option(names = "--from", paramLabel = "<instant>", description = "ISO-8601, e.g. 2026-11-01T00:00:00Z")
        Instant from;
        @Option(names = "--to", paramLabel = "<instant>", description = "end of the creation window (exclusive)")
        Instant to;
        @Option(names = "--page-size", defaultValue = "50", paramLabel = "<n>",
                description = "processes per vendor page; default: ${DEFAULT-VALUE}")
        int pageSize;

        Query(Connector connector, Renderer renderer) {
            super(connector, renderer);
        }

        @Override
        java.util.Optional<Capability> needs() {
            return java.util.Optional.of(Capability.QUERY_PROCESSES);
        }

        @Override
        void run(Session s, PrintWriter out, PrintWriter err) {
            ProcessQuery.Builder b = ProcessQuery.builder().pageSize(pageSize);
            Optional.ofNullable(definition).ifPresent(b::definition);
            Optional.ofNullable(from).ifPresent(b::from);
            Optional.ofNullable(to).ifPresent(b::to);
            states.forEach(b::state);
            List<ApprovalProcess> found = new ArrayList<>();
            s.service().query(b.build()).forEach(p -> {
                found.add(p);
                if (found.size() % 100 == 0) {
                    err.println("… " + found.size() + " processes so far");
                    err.flush();
                }
            });
            print(out, found.stream().map(renderer::process).toList(),
                    renderer.table(renderer.processHeaders(), found.stream().map(renderer::processRow).toList(),
                            "no processes match"));
        }
    }

    @Command(name = "tasks", mixinStandardHelpOptions = true, description = "List the tasks awaiting a user.")
    static final class Tasks extends ConnectedCommand {
        @Option(names = "--user", required = true, paramLabel = "<id>", description = "whose tasks (the vendor's user id)")
        String user;

        Tasks(Connector connector, Renderer renderer) {
            super(connector, renderer);
        }

        @Override
        java.util.Optional<Capability> needs() {
            return java.util.Optional.of(Capability.PENDING_TASKS);
        }

        @Override
        void run(Session s, PrintWriter out, PrintWriter err) {
            List<PendingTask> tasks = s.service().pendingTasks(UserRef.of(user)).toList();
            print(out, tasks.stream().map(renderer::pendingTask).toList(), renderer.table(
                    List.of("TASK", "STEP", "DEFINITION", "RECORD", "SINCE"), tasks.stream().map(t -> List.of(
                            IdDisplay.shorten(t.task().value()), t.stepName(), t.definition().displayName(),
                            IdDisplay.shorten(t.record().value()), renderer.time(t.since()))).toList(),
                    "no tasks await " + user));
        }
    }

    /** approve / reject share their options. */
    abstract static class Decide extends ConnectedCommand {
        @Parameters(paramLabel = "<task>", description = "task id as printed by `tasks` or `show`")
        String task;
        @Option(names = "--as", required = true, paramLabel = "<user>", description = "who decides")
        String actor;
        @Option(names = "--comment", paramLabel = "<text>", description = "opinion; some vendors require one")
        String comment;

        Decide(Connector connector, Renderer renderer) {
            super(connector, renderer);
        }

        @Override
        void validate() {
            TaskId.parse(task);
            UserRef.of(actor);
        }

        void printReceipt(PrintWriter out, String verb, WriteReceipt r) {
            print(out, renderer.receipt(r), verb + " " + task + " as " + actor + "; process " + r.process().value()
                    + " is now " + r.processAfter().map(p -> p.state().name()).orElse("(not read back)")
                    + (r.confirmedByReadBack() ? " (the answer was lost; confirmed by reading the process back)" : "")
                    + System.lineSeparator());
        }
    }

    @Command(name = "approve", mixinStandardHelpOptions = true, description = "Approve a task as a user.")
    static final class Approve extends Decide {
        Approve(Connector connector, Renderer renderer) {
            super(connector, renderer);
        }

        @Override
        java.util.Optional<Capability> needs() {
            return java.util.Optional.of(Capability.APPROVE);
        }

        @Override
        void run(Session s, PrintWriter out, PrintWriter err) {
            printReceipt(out, "approved", s.service().approve(comment == null
                    ? ApproveCommand.of(TaskId.parse(task), UserRef.of(actor))
                    : ApproveCommand.of(TaskId.parse(task), UserRef.of(actor), comment)));
        }
    }

    @Command(name = "reject", mixinStandardHelpOptions = true, description = "Reject a task as a user.")
    static final class Reject extends Decide {
        Reject(Connector connector, Renderer renderer) {
            super(connector, renderer);
        }

        @Override
        java.util.Optional<Capability> needs() {
            return java.util.Optional.of(Capability.REJECT);
        }

        @Override
        void run(Session s, PrintWriter out, PrintWriter err) {
            printReceipt(out, "rejected", s.service().reject(comment == null
                    ? RejectCommand.of(TaskId.parse(task), UserRef.of(actor))
                    : RejectCommand.of(TaskId.parse(task), UserRef.of(actor), comment)));
        }
    }

    @Command(name = "return", mixinStandardHelpOptions = true,
            description = "Send a task's flow back to an earlier step (see `return-targets`).")
    static final class Return extends Decide {
        @Option(names = "--to", required = true, paramLabel = "<step>", description = "step id")
        String target;

        Return(Connector connector, Renderer renderer) {
            super(connector, renderer);
        }

        @Override
        void validate() {
            super.validate();
            StepId.parse(target);
        }

        @Override
        java.util.Optional<Capability> needs() {
            return java.util.Optional.of(Capability.RETURN);
        }

        @Override
        void run(Session s, PrintWriter out, PrintWriter err) {
            printReceipt(out, "returned", s.service().returnTo(comment == null
                    ? ReturnCommand.to(TaskId.parse(task), StepId.parse(target), UserRef.of(actor))
                    : ReturnCommand.to(TaskId.parse(task), StepId.parse(target), UserRef.of(actor), comment)));
        }
    }

    @Command(name = "return-targets", mixinStandardHelpOptions = true,
            description = "List the earlier steps a task may be returned to.")
    static final class ReturnTargets extends ConnectedCommand {
        @Parameters(paramLabel = "<task>", description = "task id as printed by `tasks` or `show`")
        String task;

        ReturnTargets(Connector connector, Renderer renderer) {
            super(connector, renderer);
        }

        @Override
        void validate() {
            TaskId.parse(task);
        }

        @Override
        java.util.Optional<Capability> needs() {
            return java.util.Optional.of(Capability.RETURN);
        }

        @Override
        void run(Session s, PrintWriter out, PrintWriter err) {
            List<Step> targets = s.service().returnTargets(TaskId.parse(task));
            print(out, targets.stream().map(t -> renderer.step(t.id().value(), t.name())).toList(),
                    renderer.table(List.of("STEP", "NAME"), targets.stream().map(t -> List.of(t.id().value(),
                            t.name())).toList(), "task " + task + " has no step to return to (none before it has been "
                            + "approved)"));
        }
    }

    @Command(name = "cancel", mixinStandardHelpOptions = true, description = "Cancel (withdraw) an open process.")
    static final class Cancel extends ConnectedCommand {
        @Parameters(paramLabel = "<process>", description = "process id as printed by `processes` or `show`")
        String process;
        @Option(names = "--as", required = true, paramLabel = "<user>", description = "who cancels")
        String actor;
        @Option(names = "--reason", required = true, paramLabel = "<text>", description = "recorded by the vendor")
        String reason;

        Cancel(Connector connector, Renderer renderer) {
            super(connector, renderer);
        }

        @Override
        void validate() {
            ProcessId.parse(process);
        }

        @Override
        java.util.Optional<Capability> needs() {
            return java.util.Optional.of(Capability.CANCEL);
        }

        @Override
        void run(Session s, PrintWriter out, PrintWriter err) {
            WriteReceipt r = s.service().cancel(new CancelCommand(ProcessId.parse(process), UserRef.of(actor), reason));
            print(out, renderer.receipt(r), "cancelled " + process + "; now "
                    + r.processAfter().map(p -> p.state().name()).orElse("(not read back)") + System.lineSeparator());
        }
    }

    @Command(name = "start", mixinStandardHelpOptions = true, description = "Start (trigger) a definition.")
    static final class Start extends ConnectedCommand {
        @Parameters(paramLabel = "<definition>", description = "definition id (see `definitions`)")
        String definition;
        @Option(names = "--input", paramLabel = "<name>=<value>", description = "an input value; repeatable")
        Map<String, String> inputs = new LinkedHashMap<>();
        @Option(names = "--as", paramLabel = "<user>", description = "who starts it, where the provider records that")
        String initiator;
        @Option(names = "--record", paramLabel = "<type>:<id>", description = "the business record, where needed")
        String record;

        Start(Connector connector, Renderer renderer) {
            super(connector, renderer);
        }

        @Override
        java.util.Optional<Capability> needs() {
            return java.util.Optional.of(Capability.START);
        }

        @Override
        void run(Session s, PrintWriter out, PrintWriter err) {
            StartCommand.Builder command = StartCommand.builder(definition).inputs(inputs);
            Optional.ofNullable(initiator).map(UserRef::of).ifPresent(command::initiator);
            Optional.ofNullable(record).map(RecordRef::parse).ifPresent(command::record);
            var receipt = s.service().start(command.build());
            print(out, renderer.startReceipt(receipt), "started " + definition
                    + receipt.process().map(p -> "; process " + p.value()).orElse("; the vendor returned no process id")
                    + (receipt.outputs().isEmpty() ? "" : "; outputs " + receipt.outputs()) + System.lineSeparator());
        }
    }
}
