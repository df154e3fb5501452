package org.openapproval.adapter.nocoly;

import static org.openapproval.adapter.nocoly.client.NocolyErrorCodes.FAILURES;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.openapproval.core.domain.ApprovalDefinition;
import org.openapproval.core.domain.InputParameter;
import org.openapproval.core.domain.InvalidRequestException;

/**
 * Start inputs checked against the process's declared input parameters (W2) before W3 is called: every name
 * declared, every required one given, numbers numeric (field types 6 number, 8 amount), checkboxes 0/1 (36),
 * no NUL, carriage return or other control character (line feeds and tabs only in text, type 2). HAP would
 * otherwise store {@code amount=not-a-number} or an undeclared name silently, or fail the flow later.
 */
final class NocolyInputs {
    private static final Set<String> NUMBERS = Set.of("6", "8");
    private static final String CHECKBOX = "36";
    private static final String TEXT = "2";

    private NocolyInputs() {
    }

    static void check(ApprovalDefinition definition, Map<String, String> inputs) {
        Map<String, InputParameter> declared = definition.inputs().stream()
                .collect(Collectors.toMap(InputParameter::name, Function.identity(), (a, b) -> a));
        List<String> problems = new ArrayList<>();
        Set<String> unknown = new TreeSet<>(inputs.keySet());
        unknown.removeAll(declared.keySet());
        if (!unknown.isEmpty()) {
            problems.add("not declared by the process: " + unknown);
        }
        declared.values().stream().filter(InputParameter::required)
                .filter(p -> !inputs.containsKey(p.name()) || inputs.get(p.name()).isBlank())
                .forEach(p -> problems.add("'" + p.name() + "' is required"));
        inputs.forEach((name, value) -> {
            InputParameter p = declared.get(name);
            if (p != null) {
                problem(p, value).ifPresent(problems::add);
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidRequestException("the inputs do not fit process " + definition.ref().id() + ": "
                    + String.join("; ", problems), FAILURES.context(), null);
        }
    }

    private static java.util.Optional<String> problem(InputParameter p, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean allowedBreak = TEXT.equals(p.type()) && (c == '\n' || c == '\t');
            if (Character.isISOControl(c) && !allowedBreak) {
                return java.util.Optional.of("'" + p.name() + "' holds a control character at position " + (i + 1));
            }
        }
        if (NUMBERS.contains(p.type()) && !value.isBlank()) {
            try {
                new BigDecimal(value.strip());
            } catch (NumberFormatException e) {
                return java.util.Optional.of("'" + p.name() + "' must be a number");
            }
        }
        if (CHECKBOX.equals(p.type()) && !value.isBlank() && !Set.of("0", "1").contains(value.strip())) {
            return java.util.Optional.of("'" + p.name() + "' must be 0 or 1");
        }
        return java.util.Optional.empty();
    }
}
