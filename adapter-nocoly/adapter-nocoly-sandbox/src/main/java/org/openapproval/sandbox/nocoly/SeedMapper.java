package org.openapproval.sandbox.nocoly;

import static org.openapproval.sandbox.nocoly.Vocabulary.COUNTERSIGN_ALL;
import static org.openapproval.sandbox.nocoly.Vocabulary.COUNTERSIGN_ONE;
import static org.openapproval.sandbox.nocoly.Vocabulary.NODE_APPROVE;
import static org.openapproval.sandbox.nocoly.Vocabulary.NODE_CC;
import static org.openapproval.sandbox.nocoly.Vocabulary.NODE_FILL;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.openapproval.core.domain.InputParameter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openapproval.core.domain.Step;
import org.openapproval.core.domain.StepPlan;
import org.openapproval.sandbox.kit.UnrepresentableSeedException;
import org.openapproval.core.domain.UserRef;
import org.openapproval.sandbox.nocoly.Model.Account;
import org.openapproval.sandbox.nocoly.Model.Input;
import org.openapproval.sandbox.nocoly.Model.Node;

/**
 * Translates neutral seeds into the vendor's model: step plans into HAP nodes, input parameters into W2
 * inputs, users into accounts (the mapping is spelled out in the package documentation). Not thread-safe
 * (it draws ids); the store calls it under its lock.
 */
final class SeedMapper {
    private final ObjectIds ids;

    SeedMapper(ObjectIds ids) {
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    static Account account(UserRef user) {
        return new Account(user.id(), user.displayName());
    }

    List<Input> inputs(List<InputParameter> parameters, Instant now) {
        List<Input> inputs = new ArrayList<>();
        for (InputParameter in : parameters) {
            // UNVERIFIED: id format of an input parameter (24 hex here) and an empty alias (neutral seeds have none).
            inputs.add(new Input(ids.next(now), in.name(), "", inputType(in.type()), in.description().orElse(""),
                    in.required()));
        }
        return List.copyOf(inputs);
    }

    /** The nodes after the start node, in order; steps without assignees produce none. */
    List<Node> plan(List<StepPlan> steps, Instant now) {
        refuseParallelSteps(steps);
        List<Node> plan = new ArrayList<>();
        for (StepPlan step : steps) {
            if (step.assignees().isEmpty()) {
                continue; // nobody to wait for or to copy
            }
            int type;
            switch (step.kind()) {
                case FILL_IN -> type = NODE_FILL;
                case NOTIFY -> type = NODE_CC;
                case APPROVAL, UNKNOWN -> type = NODE_APPROVE;
                default -> {
                    // START is always there; SYSTEM nodes (actions, branches) are not simulated.
                    // UNVERIFIED: an UNKNOWN kind is taken for an approval node (above).
                    continue;
                }
            }
            List<Account> people = step.assignees().stream().map(SeedMapper::account).toList();
            if (type == NODE_CC) {
                plan.add(new Node(ids.next(now), step.name(), type, null, people, null));
                continue;
            }
            switch (step.mode()) {
                case SINGLE -> plan.add(new Node(ids.next(now), step.name(), type, null, people, null));
                case ANY_OF -> plan.add(new Node(ids.next(now), step.name(), type, COUNTERSIGN_ONE, people, null));
                case ALL_OF -> plan.add(new Node(ids.next(now), step.name(), type, COUNTERSIGN_ALL, people, null));
                // UNVERIFIED: HAP has no sequential countersign type here; one single-approver node per person.
                case SEQUENTIAL -> people.forEach(p ->
                        plan.add(new Node(ids.next(now), step.name(), type, null, List.of(p), null)));
                case UNKNOWN -> plan.add(new Node(ids.next(now), step.name(), type,
                        people.size() == 1 ? null : COUNTERSIGN_ONE, people, null));
            }
        }
        return plan;
    }

    /**
     * HAP runs branches side by side behind a gateway node (types 1 and 2), but the sandbox does not simulate
     * gateways: it runs one node at a time, so it refuses steps seeded side by side rather than run them in turn.
     */
    private static void refuseParallelSteps(List<StepPlan> steps) {
        Map<Integer, List<String>> perStage = new LinkedHashMap<>();
        steps.stream().filter(s -> s.stage() != Step.OWN_STAGE)
                .forEach(s -> perStage.computeIfAbsent(s.stage(), k -> new ArrayList<>()).add(s.name()));
        perStage.forEach((stage, names) -> {
            if (names.size() > 1) {
                throw new UnrepresentableSeedException("the Nocoly sandbox cannot seed steps " + names
                        + " side by side in stage " + stage + ": it does not simulate HAP's branch gateways "
                        + "(node types 1 and 2) and runs one node at a time");
            }
        });
    }

    /**
     * W2 input type from the neutral type: "number" → 6, a numeric vendor code as given, anything else → 2 text.
     */
    private static int inputType(String type) {
        String t = type.trim().toLowerCase(Locale.ROOT);
        if (t.equals("number")) {
            return Vocabulary.INPUT_NUMBER;
        }
        if (t.matches("\\d{1,9}")) {
            return Integer.parseInt(t);
        }
        return Vocabulary.INPUT_TEXT;
    }
}
