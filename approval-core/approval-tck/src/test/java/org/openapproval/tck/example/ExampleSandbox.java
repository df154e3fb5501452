package org.openapproval.tck.example;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.openapproval.core.domain.Step;
import org.openapproval.core.domain.StepKind;
import org.openapproval.core.domain.StepPlan;
import org.openapproval.core.spi.ApprovalProvider;
import org.openapproval.sandbox.kit.DefinitionSeed;
import org.openapproval.sandbox.kit.Fault;
import org.openapproval.sandbox.kit.FaultSchedule;
import org.openapproval.sandbox.kit.ProcessSeed;
import org.openapproval.sandbox.kit.UnrepresentableSeedException;
import org.openapproval.sandbox.kit.ProviderSandbox;
import org.openapproval.sandbox.kit.SeededProcess;
import org.openapproval.tck.example.ExampleVendor.Person;
import org.openapproval.tck.example.ExampleVendor.Request;
import org.openapproval.tck.example.ExampleVendor.StageSpec;

/**
 * A fresh {@link ExampleVendor} per sandbox, driven in neutral terms for the TCK. An HTTP sandbox would
 * run a loopback server instead; the hooks mean the same.
 */
final class ExampleSandbox implements ProviderSandbox {
    static final String TENANT = "acme";
    static final String API_KEY = "ex-7Qd2-sandbox-key";

    private final FaultSchedule faults = new FaultSchedule();
    private final ExampleVendor vendor;

    ExampleSandbox(Clock clock) {
        this.vendor = new ExampleVendor(clock, TENANT, API_KEY, faults);
    }

    @Override
    public String providerId() {
        return ExampleProvider.ID;
    }

    /** What the TCK connects with. Credentials included: it swaps the secret ones to test authentication. */
    @Override
    public Map<String, String> connectionConfig() {
        return Map.of(ExampleProvider.TENANT, TENANT, ExampleProvider.API_KEY, API_KEY);
    }

    /** The provider under test, bound to this sandbox's vendor; the TCK checks its class is also discoverable. */
    @Override
    public ApprovalProvider provider() {
        return new ExampleProvider(vendor);
    }

    /**
     * Seeding: a definition the provider would list and start. This provider does neither, so the TCK skips the
     * tests that call this (LIST_DEFINITIONS, START).
     */
    @Override
    public String seedDefinition(DefinitionSeed seed) {
        return vendor.createFlow(seed.name());
    }

    /**
     * Seeding: a record with an open process whose first step awaits its assignees, described in the ids the
     * provider reports, so the TCK can find it through the provider. Seeds the vendor cannot represent are
     * refused rather than approximated.
     */
    @Override
    public SeededProcess seedProcess(ProcessSeed seed) {
        if (seed.steps().stream().filter(s -> s.stage() != Step.OWN_STAGE).map(StepPlan::stage).distinct().count()
                < seed.steps().stream().filter(s -> s.stage() != Step.OWN_STAGE).count()) {
            throw new UnrepresentableSeedException("the example vendor runs its stages one after another; it has "
                    + "no parallel steps");
        }
        List<StageSpec> stages = seed.steps().stream().map(ExampleSandbox::stage).toList();
        Person submitter = new Person(seed.initiator().id(), seed.initiator().displayName());
        Request r = vendor.submit(seed.definitionName(), seed.recordTitle(), submitter, stages);
        return new SeededProcess(ExamplePorts.processId(r.id()), ExamplePorts.document(r.documentId()), r.flowId());
    }

    private static StageSpec stage(StepPlan step) {
        if (step.kind() != StepKind.APPROVAL || step.assignees().isEmpty()) {
            throw new UnrepresentableSeedException("the example vendor has approval stages with approvers only, not "
                    + step.kind() + " step '" + step.name() + "' for " + step.assignees());
        }
        String rule = switch (step.mode()) {
            case SINGLE, ANY_OF -> ExampleVendor.ANY;
            case ALL_OF -> ExampleVendor.ALL;
            default -> throw new UnrepresentableSeedException("the example vendor has no " + step.mode() + " stages");
        };
        List<Person> approvers = step.assignees().stream().map(u -> new Person(u.id(), u.displayName())).toList();
        return new StageSpec(step.name(), rule, approvers);
    }

    /**
     * Faults: the next {@code times} vendor calls in the fault's scope misbehave. Writes fail before they apply,
     * except MALFORMED_RESPONSE, which applies the write and loses the answer (the TCK then expects the
     * service to confirm it by reading back). EXPIRED_CREDENTIALS drops the vendor's sessions; the TCK expects
     * the provider to log in again by itself (see {@code refreshesCredentials()}).
     */
    @Override
    public void injectFault(Fault fault) {
        faults.inject(fault);
    }

    /** Called by the TCK before every test. */
    @Override
    public void clearFaults() {
        faults.clear();
    }

    /**
     * Request counting: every API call the vendor received, logins included. The TCK checks that invalid input
     * and unsupported operations send none, and (for paged queries) that streams fetch lazily.
     */
    @Override
    public long requestCount() {
        return vendor.requestCount();
    }

    /** Nothing to free in-process; an HTTP sandbox stops its server here. */
    @Override
    public void close() {
        faults.clear();
    }
}
