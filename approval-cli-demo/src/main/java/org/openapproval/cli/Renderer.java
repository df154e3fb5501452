package org.openapproval.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.openapproval.core.domain.ApprovalDefinition;
import org.openapproval.core.domain.Actor;
import org.openapproval.core.domain.ApprovalProcess;
import org.openapproval.core.domain.Decision;
import org.openapproval.core.domain.PendingTask;
import org.openapproval.core.domain.Step;
import org.openapproval.core.domain.Task;
import org.openapproval.core.domain.TimelineEntry;
import org.openapproval.core.port.in.Capability;
import org.openapproval.core.port.in.StartReceipt;
import org.openapproval.core.port.in.WriteReceipt;
import org.openapproval.core.spi.ConfigKey;
import org.openapproval.core.spi.ProviderDescriptor;

/**
 * Renders results for people (tables, a process as a tree) or for scripts (JSON with stable field names,
 * one document per command). Ids are printed as their {@code value()}, so they paste into the next command.
 */
final class Renderer {
    private final ZoneId zone;

    Renderer(CliEnvironment environment) {
        // people read times in their own zone, to the second; JSON keeps the exact ISO-8601 instant
        this.zone = environment.clock().getZone();
    }

    /** A time for people: to the second, in the user's zone. */
    String time(Instant instant) {
        return LocalTime.PATTERN.format(instant.truncatedTo(ChronoUnit.SECONDS).atZone(zone));
    }

    /** The pattern, built with the first time shown: the listing shows none, and java.time's formatting is large. */
    private static final class LocalTime {
        private static final DateTimeFormatter PATTERN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    }

    /** A time that may be unknown (vendors do not always say): "-" then. */
    String time(Optional<Instant> instant) {
        return instant.map(this::time).orElse("-");
    }

    /** The zone times are shown in, for a table's footnote. */
    ZoneId zone() {
        return zone;
    }

    String json(Object document) {
        return Json.write(document);
    }

    /**
     * Jackson, loaded with the first JSON document: tables never touch it, and it is a few hundred classes
     * to load at start-up. Nothing Jackson appears in Renderer's own code, so linking Renderer loads none.
     */
    private static final class Json {
        private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

        static String write(Object document) {
            try {
                return MAPPER.writeValueAsString(document);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot render JSON", e);
            }
        }
    }

    // ------------------------------------------------------------------ documents (JSON shapes)

    Map<String, Object> provider(ProviderDescriptor d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("name", d.displayName());
        m.put("capabilities", d.capabilities().stream().map(Enum::name).sorted().toList());
        Map<String, String> why = new LinkedHashMap<>();
        missing(d).forEach((c, reason) -> why.put(c.name(), reason));
        m.put("missingCapabilities", why);
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
            t.put("at", e.time().map(Instant::toString).orElse(null));
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
        m.put("stage", s.stage());
        m.put("state", s.state().name());
        m.put("vendorStatus", s.vendorStatus());
        m.put("tasks", s.tasks().stream().map(t -> {
            Map<String, Object> task = new LinkedHashMap<>();
            task.put("id", t.id().value());
            task.put("assignee", t.assignee().id());
            task.put("state", t.state().name());
            task.put("vendorStatus", t.vendorStatus());
            task.put("outcome", t.outcome().map(Enum::name).orElse(null));
            task.put("completedBy", t.completedBy().map(Renderer::actor).orElse(null));
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
        m.put("at", d.time().map(Instant::toString).orElse(null));
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

    /** Who completed a task, for JSON: the person's id, or "system". */
    static String actor(Actor a) {
        return a.person().map(u -> u.id()).orElse("system");
    }

    /**
     * Why each capability may be missing with the required keys only, from the descriptor alone: what the
     * provider never offers, and what it offers only with more configuration (e.g. Nocoly's organization key).
     */
    static Map<Capability, String> missing(ProviderDescriptor d) {
        Map<Capability, String> why = new EnumMap<>(Capability.class);
        for (Capability c : Capability.values()) {
            Optional<String> reason = d.unsupportedReason(c);
            if (reason.isPresent()) {
                why.put(c, reason.get());
            }
        }
        return why;
    }

    /**
     * The providers as text. Plain loops, no lambdas or streams: this runs in {@code approval providers}, whose
     * whole process is timed against a bare JVM, and each lambda a JVM meets first costs it a generated class.
     */
    String providersTable(List<ProviderDescriptor> providers) {
        StringBuilder out = new StringBuilder();
        for (ProviderDescriptor d : providers) {
            out.append(d.id()).append("  ").append(d.displayName()).append('\n');
            List<String> capabilities = new ArrayList<>();
            for (Capability c : d.capabilities()) {
                capabilities.add(c.name());
            }
            java.util.Collections.sort(capabilities);
            out.append("  capabilities: ").append(String.join(", ", capabilities)).append('\n');
            Map<Capability, String> lacks = missing(d);
            if (!lacks.isEmpty()) {
                out.append("  missing (with the required keys only):\n");
                for (Map.Entry<Capability, String> lack : lacks.entrySet()) {
                    out.append("    ").append(lack.getKey()).append("  — ").append(oneLine(lack.getValue()))
                            .append('\n');
                }
            }
            out.append("  config keys (* required, (secret) never shown):\n");
            for (ConfigKey k : d.configKeys()) {
                out.append("    ").append(k.required() ? "* " : "  ").append(k.fullName(d.id()))
                        .append(k.secret() ? " (secret)" : "");
                if (!k.secret() && k.defaultValue().isPresent()) {
                    out.append(" = ").append(k.defaultValue().get());
                }
                out.append("  — ").append(k.description()).append('\n');
            }
        }
        return out.toString();
    }

    /**
     * Columns padded by display width (CJK characters take two cells). No rows: a line saying so instead of
     * a lonely header.
     */
    String table(List<String> headers, List<List<String>> rows, String whenEmpty) {
        if (rows.isEmpty()) {
            return whenEmpty + System.lineSeparator();
        }
        int[] widths = new int[headers.size()];
        for (int i = 0; i < headers.size(); i++) {
            widths[i] = DisplayWidth.of(headers.get(i));
        }
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], DisplayWidth.of(row.get(i)));
            }
        }
        StringBuilder out = new StringBuilder();
        appendRow(out, headers, widths);
        for (List<String> row : rows) {
            appendRow(out, row, widths);
        }
        if (rows.stream().flatMap(List::stream).anyMatch(c -> c.contains("…"))) {
            out.append("(long ids shortened with …; `approval show <process>` and `-o json` print them whole)")
                    .append(System.lineSeparator());
        }
        return out.toString();
    }

    private static void appendRow(StringBuilder out, List<String> cells, int[] widths) {
        for (int i = 0; i < cells.size(); i++) {
            out.append(i == cells.size() - 1 ? cells.get(i) : DisplayWidth.pad(cells.get(i), widths[i]) + "  ");
        }
        out.append(System.lineSeparator());
    }

    List<String> processRow(ApprovalProcess p) {
        return List.of(IdDisplay.shorten(p.id().value()), p.definition().displayName(),
                p.state() + " (" + IdDisplay.shorten(p.vendorStatus()) + ")",
                p.initiator().map(u -> u.id()).orElse("-"), time(p.createdAt()));
    }

    List<String> processHeaders() {
        return List.of("PROCESS", "DEFINITION", "STATE (VENDOR)", "INITIATOR", "CREATED (" + zone.getId() + ")");
    }

    /** A process as a small tree with full ids (what `show` prints). */
    String processTree(ApprovalProcess p) {
        return processTree(p, false);
    }

    /**
     * A process as a small tree: its steps (parallel ones marked with their stage), their tasks with outcome,
     * who completed them and when, then the timeline. {@code shortIds} for the demo, which must fit 120 columns.
     */
    String processTree(ApprovalProcess p, boolean shortIds) {
        java.util.function.UnaryOperator<String> id = shortIds ? IdDisplay::shorten : v -> v;
        StringBuilder out = new StringBuilder();
        out.append("process ").append(id.apply(p.id().value())).append("  ").append(p.state()).append(" (vendor: ")
                .append(id.apply(p.vendorStatus())).append(")\n");
        out.append("  definition  ").append(p.definition().displayName()).append("   ")
                .append(id.apply(p.definition().id())).append('\n');
        out.append("  record      ").append(id.apply(p.record().value())).append('\n');
        out.append("  initiator   ").append(p.initiator().map(Object::toString).orElse("-"))
                .append("   created ").append(time(p.createdAt()))
                .append(p.endedAt().map(e -> "   ended " + time(e)).orElse("")).append("   (")
                .append(zone.getId()).append(")\n");
        out.append("  steps\n");
        Map<Integer, Long> perStage = p.steps().stream().collect(Collectors.groupingBy(Step::stage,
                Collectors.counting()));
        for (int i = 0; i < p.steps().size(); i++) {
            Step s = p.steps().get(i);
            boolean lastStep = i == p.steps().size() - 1;
            // stage 0 means "a stage of its own" (vendors that report no stages)
            boolean parallel = s.stage() > 0 && perStage.getOrDefault(s.stage(), 1L) > 1;
            out.append("  ").append(lastStep ? "└─ " : "├─ ").append(s.name()).append("  [").append(s.kind())
                    .append(", ").append(s.mode()).append("]  ").append(s.state())
                    .append(parallel ? "  ∥ stage " + s.stage() + " (runs in parallel)" : "")
                    .append("   ").append(id.apply(s.id().value())).append('\n');
            for (int j = 0; j < s.tasks().size(); j++) {
                Task t = s.tasks().get(j);
                out.append("  ").append(lastStep ? "   " : "│  ").append(j == s.tasks().size() - 1 ? "└─ " : "├─ ")
                        .append(t.assignee()).append("  ").append(t.state()).append(completion(t))
                        .append("   task ").append(id.apply(t.id().value()))
                        .append(t.decision().flatMap(Decision::comment).map(c -> "  \"" + oneLine(c) + "\"").orElse(""))
                        .append('\n');
            }
        }
        out.append("  timeline\n");
        for (TimelineEntry e : p.timeline()) {
            out.append("    ").append(DisplayWidth.pad(time(e.time()), 19)).append("  ")
                    .append(oneLine(e.description())).append('\n');
        }
        return out.toString();
    }

    /** How and by whom a closed task ended, and when where a decision says: " — APPROVED by Bob at …". */
    private String completion(Task t) {
        if (t.outcome().isEmpty()) {
            return "";
        }
        // the vendor may not say who closed a task: then no "by"
        String by = t.completedBy().map(a -> " by " + actor(a)).orElse("");
        String at = t.decision().map(d -> " at " + time(d.time())).orElse("");
        String outcome = t.outcome().get().name();
        return outcome.equals(t.state().name()) ? by + at : " — " + outcome + by + at;
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
