package org.openapproval.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.openapproval.core.domain.ApprovalDefinition;
import org.openapproval.core.domain.ApprovalProcess;
import org.openapproval.core.domain.Decision;
import org.openapproval.core.domain.PendingTask;
import org.openapproval.core.domain.Step;
import org.openapproval.core.domain.Task;
import org.openapproval.core.domain.TimelineEntry;
import org.openapproval.core.port.in.StartReceipt;
import org.openapproval.core.port.in.WriteReceipt;
import org.openapproval.core.spi.ConfigKey;
import org.openapproval.core.spi.ProviderDescriptor;

/**
 * Renders results for people (tables, a process as a tree) or for scripts (JSON with stable field names,
 * one document per command). Ids are printed as their {@code value()}, so they paste into the next command.
 */
final class Renderer {
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    String json(Object document) {
        try {
            return json.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render JSON", e);
        }
    }

    // ------------------------------------------------------------------ documents (JSON shapes)

    Map<String, Object> provider(ProviderDescriptor d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("name", d.displayName());
        m.put("capabilities", d.capabilities().stream().map(Enum::name).sorted().toList());
        List<Map<String, Object>> keys = new ArrayList<>();
        for (ConfigKey k : d.configKeys()) {
            Map<String, Object> key = new LinkedHashMap<>();
            key.put("key", k.fullName(d.id()));
            key.put("env", k.environmentName(d.id()));
            key.put("required", k.required());
            key.put("secret", k.secret());
            key.put("default", k.secret() ? null : k.defaultValue().orElse(null)); // secrets have no default anyway
            key.put("description", k.description());
            keys.add(key);
        }
        m.put("configKeys", keys);
        return m;
    }

    Map<String, Object> definition(ApprovalDefinition d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.ref().id());
        m.put("name", d.ref().displayName());
        m.put("description", d.description().orElse(null));
        m.put("inputs", d.inputs().stream().map(i -> {
            Map<String, Object> in = new LinkedHashMap<>();
            in.put("name", i.name());
            in.put("type", i.type());
            in.put("required", i.required());
            return in;
        }).toList());
        return m;
    }

    Map<String, Object> process(ApprovalProcess p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id().value());
        m.put("provider", p.providerId());
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("id", p.definition().id());
        definition.put("name", p.definition().displayName());
        m.put("definition", definition);
        m.put("record", p.record().value());
        m.put("state", p.state().name());
        m.put("vendorStatus", p.vendorStatus());
        m.put("trigger", p.trigger().name());
        m.put("initiator", p.initiator().map(u -> u.id()).orElse(null));
        m.put("createdAt", p.createdAt().toString());
        m.put("updatedAt", p.updatedAt().map(Instant::toString).orElse(null));
        m.put("endedAt", p.endedAt().map(Instant::toString).orElse(null));
        m.put("steps", p.steps().stream().map(this::step).toList());
        m.put("timeline", p.timeline().stream().map(e -> {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("at", e.at().toString());
            t.put("kind", e.kind().name());
            t.put("description", e.description());
            return t;
        }).toList());
        m.put("attributes", p.attributes());
        return m;
    }

    private Map<String, Object> step(Step s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id().value());
        m.put("name", s.name());
        m.put("kind", s.kind().name());
        m.put("mode", s.mode().name());
        m.put("state", s.state().name());
        m.put("vendorStatus", s.vendorStatus());
        m.put("tasks", s.tasks().stream().map(t -> {
            Map<String, Object> task = new LinkedHashMap<>();
            task.put("id", t.id().value());
            task.put("assignee", t.assignee().id());
            task.put("state", t.state().name());
            task.put("vendorStatus", t.vendorStatus());
            task.put("decision", t.decision().map(this::decision).orElse(null));
            return task;
        }).toList());
        return m;
    }

    private Map<String, Object> decision(Decision d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("verdict", d.verdict().name());
        m.put("actor", d.actor().id());
        m.put("comment", d.comment().orElse(null));
        m.put("at", d.decidedAt().toString());
        m.put("returnTo", d.returnTo().map(r -> r.value()).orElse(null));
        return m;
    }

    Map<String, Object> pendingTask(PendingTask t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("task", t.task().value());
        m.put("process", t.process().value());
        m.put("definition", t.definition().id());
        m.put("record", t.record().value());
        m.put("step", t.stepName());
        m.put("assignee", t.assignee().id());
        m.put("since", t.since().map(Instant::toString).orElse(null));
        return m;
    }

    Map<String, Object> receipt(WriteReceipt r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("process", r.process().value());
        m.put("confirmedByReadBack", r.confirmedByReadBack());
        m.put("state", r.processAfter().map(p -> p.state().name()).orElse(null));
        m.put("processAfter", r.processAfter().map(this::process).orElse(null));
        return m;
    }

    Map<String, Object> startReceipt(StartReceipt r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("process", r.process().map(p -> p.value()).orElse(null));
        m.put("outputs", r.outputs());
        return m;
    }

    // ------------------------------------------------------------------ text

    String providersTable(List<ProviderDescriptor> providers) {
        StringBuilder out = new StringBuilder();
        for (ProviderDescriptor d : providers) {
            out.append(d.id()).append("  ").append(d.displayName()).append('\n');
            out.append("  capabilities: ").append(d.capabilities().stream().map(Enum::name).sorted()
                    .collect(Collectors.joining(", "))).append('\n');
            out.append("  config keys (* required, (secret) never shown):\n");
            for (ConfigKey k : d.configKeys()) {
                out.append("    ").append(k.required() ? "* " : "  ").append(k.fullName(d.id()))
                        .append(k.secret() ? " (secret)" : "")
                        .append(k.defaultValue().filter(v -> !k.secret()).map(v -> " = " + v).orElse(""))
                        .append("  — ").append(k.description()).append('\n');
            }
        }
        return out.toString();
    }

    String table(List<String> headers, List<List<String>> rows) {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < headers.size(); i++) {
            widths[i] = headers.get(i).length();
        }
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        appendRow(out, headers, widths);
        for (List<String> row : rows) {
            appendRow(out, row, widths);
        }
        return out.toString();
    }

    private static void appendRow(StringBuilder out, List<String> cells, int[] widths) {
        for (int i = 0; i < cells.size(); i++) {
            out.append(i == cells.size() - 1 ? cells.get(i) : String.format("%-" + widths[i] + "s  ", cells.get(i)));
        }
        out.append('\n');
    }

    List<String> processRow(ApprovalProcess p) {
        return List.of(p.id().value(), p.definition().displayName(), p.state() + " (" + p.vendorStatus() + ")",
                p.initiator().map(u -> u.id()).orElse("-"), p.createdAt().toString());
    }

    static List<String> processHeaders() {
        return List.of("PROCESS", "DEFINITION", "STATE (VENDOR)", "INITIATOR", "CREATED");
    }

    /** A process as a small tree: its steps, their tasks with decisions, then the timeline. */
    String processTree(ApprovalProcess p) {
        StringBuilder out = new StringBuilder();
        out.append("process ").append(p.id().value()).append("  ").append(p.state()).append(" (vendor: ")
                .append(p.vendorStatus()).append(")\n");
        out.append("  definition  ").append(p.definition()).append('\n');
        out.append("  record      ").append(p.record().value()).append('\n');
        out.append("  initiator   ").append(p.initiator().map(Object::toString).orElse("-"))
                .append("   created ").append(p.createdAt())
                .append(p.endedAt().map(e -> "   ended " + e).orElse("")).append('\n');
        out.append("  steps\n");
        for (int i = 0; i < p.steps().size(); i++) {
            Step s = p.steps().get(i);
            boolean lastStep = i == p.steps().size() - 1;
            out.append("  ").append(lastStep ? "└─ " : "├─ ").append(s.name()).append("  [").append(s.kind())
                    .append(", ").append(s.mode()).append("]  ").append(s.state()).append("   ")
                    .append(s.id().value()).append('\n');
            for (int j = 0; j < s.tasks().size(); j++) {
                Task t = s.tasks().get(j);
                out.append("  ").append(lastStep ? "   " : "│  ").append(j == s.tasks().size() - 1 ? "└─ " : "├─ ")
                        .append(t.assignee()).append("  ").append(t.state())
                        .append(t.decision().flatMap(Decision::comment).map(c -> "  \"" + oneLine(c) + "\"").orElse(""))
                        .append("   task ").append(t.id().value()).append('\n');
            }
        }
        out.append("  timeline\n");
        for (TimelineEntry e : p.timeline()) {
            out.append("    ").append(e.at()).append("  ").append(oneLine(e.description())).append('\n');
        }
        return out.toString();
    }

    static String oneLine(String text) {
        return text.replace("\r", " ").replace("\n", " ");
    }

    static String orDash(Optional<?> value) {
        return value.map(Object::toString).orElse("-");
    }

    Map<String, Object> step(String id, String name) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("step", id);
        m.put("name", name);
        return m;
    }
}
