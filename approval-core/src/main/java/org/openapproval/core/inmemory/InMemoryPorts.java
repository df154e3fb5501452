package org.openapproval.core.inmemory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openapproval.core.domain.ApprovalDefinition;
import org.openapproval.core.domain.ApprovalProcess;
import org.openapproval.core.domain.ErrorContext;
import org.openapproval.core.domain.InvalidRequestException;
import org.openapproval.core.domain.NotFoundException;
import org.openapproval.core.domain.PendingTask;
import org.openapproval.core.domain.ProcessId;
import org.openapproval.core.domain.RecordRef;
import org.openapproval.core.domain.TriggerKind;
import org.openapproval.core.domain.UserRef;
import org.openapproval.core.domain.ValidatedDecision;
import org.openapproval.core.port.in.ProcessQuery;
import org.openapproval.core.port.in.StartCommand;
import org.openapproval.core.port.in.StartReceipt;
import org.openapproval.core.port.out.DecisionWriter;
import org.openapproval.core.port.out.DefinitionCatalog;
import org.openapproval.core.port.out.Page;
import org.openapproval.core.port.out.ProcessCanceller;
import org.openapproval.core.port.out.ProcessReader;
import org.openapproval.core.port.out.ProcessSearch;
import org.openapproval.core.port.out.ProcessStarter;
import org.openapproval.core.port.out.TaskInbox;

/** Every driven port, over one {@link InMemoryApprovalStore}; each call counts as one vendor request. */
final class InMemoryPorts implements DefinitionCatalog, ProcessReader, ProcessSearch, TaskInbox, DecisionWriter,
        ProcessCanceller, ProcessStarter {
    static final int INBOX_PAGE_SIZE = 50;
    private final InMemoryApprovalStore store;

    InMemoryPorts(InMemoryApprovalStore store) {
        this.store = store;
    }

    @Override
    public List<ApprovalDefinition> definitions() {
        return store.call(false, store::definitions);
    }

    @Override
    public Optional<ApprovalDefinition> definition(String definitionId) {
        return store.call(false, () -> store.flow(definitionId).map(InMemoryApprovalStore.Flow::definition));
    }

    @Override
    public Optional<ApprovalProcess> process(ProcessId id) {
        return store.call(false, () -> store.get(id));
    }

    @Override
    public List<ApprovalProcess> processesOf(RecordRef record) {
        return store.call(false, () -> store.all().stream().filter(p -> p.record().equals(record)).toList());
    }

    @Override
    public Page<ApprovalProcess> search(ProcessQuery query, Optional<String> pageToken) {
        return store.call(false, () -> {
            List<ApprovalProcess> matching = store.all().stream()
                    .filter(p -> query.definitionId().map(d -> d.equals(p.definition().id())).orElse(true))
                    .filter(p -> query.matchesState(p.state()))
                    .filter(p -> query.matchesTime(p.createdAt()))
                    .toList();
            return page(matching, pageToken, store.pageSizeFor(query.pageSize()));
        });
    }

    /**
     * Keyset-paged by (process insertion, task id), so deciding tasks while streaming the inbox never
     * shifts later tasks out of sight, as offset paging would.
     */
    @Override
    public Page<PendingTask> pendingTasks(UserRef user, Optional<String> pageToken) {
        return store.call(false, () -> {
            Optional<InboxKey> after = pageToken.map(InboxKey::parse);
            List<InboxEntry> entries = store.all().stream()
                    .flatMap(p -> p.steps().stream().flatMap(s -> s.pendingTasks().stream()
                            .filter(t -> t.assignee().isSamePersonAs(user))
                            .map(t -> new InboxEntry(new InboxKey(store.insertionOf(p.id()), t.id().value()),
                                    new PendingTask(t.id(), p.definition(), p.record(), s.name(), t.assignee(),
                                            t.createdAt())))))
                    .filter(e -> after.map(a -> e.key().compareTo(a) > 0).orElse(true))
                    .sorted(java.util.Comparator.comparing(InboxEntry::key))
                    .toList();
            int size = store.pageSizeFor(INBOX_PAGE_SIZE);
            List<InboxEntry> page = entries.subList(0, Math.min(size, entries.size()));
            Optional<String> next = entries.size() > size
                    ? Optional.of(page.get(page.size() - 1).key().token()) : Optional.empty();
            return new Page<>(page.stream().map(InboxEntry::task).toList(), next);
        });
    }

    private record InboxEntry(InboxKey key, PendingTask task) {
    }

    private record InboxKey(long process, String task) implements Comparable<InboxKey> {
        static InboxKey parse(String token) {
            int colon = token.indexOf(':');
            try {
                return new InboxKey(Long.parseLong(token.substring(0, colon)), token.substring(colon + 1));
            } catch (RuntimeException e) {
                throw new InvalidRequestException("page token '" + token + "' was not issued by this provider",
                        ErrorContext.provider(InMemoryApprovalStore.PROVIDER_ID), null);
            }
        }

        String token() {
            return process + ":" + task;
        }

        @Override
        public int compareTo(InboxKey o) {
            int c = Long.compare(process, o.process);
            return c != 0 ? c : task.compareTo(o.task);
        }
    }

    @Override
    public void submit(ValidatedDecision decision) {
        store.call(true, () -> store.update(decision.process().id(),
                current -> current.apply(decision.task().id(), decision.decision())));
    }

    @Override
    public void cancel(ApprovalProcess process, UserRef actor, String reason) {
        store.call(true, () -> store.update(process.id(),
                current -> current.cancel(actor, reason, store.clock().instant())));
    }

    @Override
    public StartReceipt start(StartCommand command) {
        return store.call(true, () -> {
            InMemoryApprovalStore.Flow flow = store.flow(command.definitionId()).orElseThrow(() ->
                    new NotFoundException("no definition " + command.definitionId(),
                            ErrorContext.provider(InMemoryApprovalStore.PROVIDER_ID), null));
            List<String> missing = flow.definition().requiredInputs().stream().map(i -> i.name())
                    .filter(n -> command.inputs().getOrDefault(n, "").isBlank()).toList();
            if (!missing.isEmpty()) {
                // the "vendor" checks too, for hosts whose provider cannot list definitions beforehand
                throw new InvalidRequestException("definition " + flow.definition().ref() + " needs input(s) "
                        + missing + " to start", ErrorContext.provider(InMemoryApprovalStore.PROVIDER_ID), null);
            }
            UserRef initiator = command.initiator().orElse(UserRef.of("system"));
            RecordRef record = command.record().orElseGet(() -> RecordRef.of("Record", "R" + store.nextRecordNumber()));
            ApprovalProcess p = store.open(flow.definition().ref().id(), record, initiator, TriggerKind.API,
                    flow.plan());
            return new StartReceipt(Optional.of(p.id()), Map.of());
        });
    }

    private static <T> Page<T> page(List<T> all, Optional<String> token, int size) {
        int offset = token.map(InMemoryPorts::offset).orElse(0);
        int end = Math.min(all.size(), offset + size);
        List<T> items = offset >= all.size() ? List.of() : all.subList(offset, end);
        return new Page<>(items, end < all.size() ? Optional.of(String.valueOf(end)) : Optional.empty());
    }

    private static int offset(String token) {
        try {
            int v = Integer.parseInt(token);
            if (v < 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("page token '" + token + "' was not issued by this provider",
                    ErrorContext.provider(InMemoryApprovalStore.PROVIDER_ID), null);
        }
    }
}
