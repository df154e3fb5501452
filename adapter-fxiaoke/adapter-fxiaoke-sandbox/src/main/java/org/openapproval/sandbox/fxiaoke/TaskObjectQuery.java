package org.openapproval.sandbox.fxiaoke;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.openapproval.sandbox.fxiaoke.ApprovalStore.TaskView;

/**
 * {@code search_query_info} of {@code /cgi/crm/v2/data/query} on {@code ApprovalTaskObj}: validated
 * limit/offset, filters and orders, applied to task views. Only the operators and fields a client needs
 * for task lists and keyset paging are simulated; anything else is refused with 32000 so a client never
 * silently gets unfiltered data.
 */
record TaskObjectQuery(int limit, int offset, List<Filter> filters, List<Order> orders) {
    static final int MAX_LIMIT = 100;
    static final int MAX_OFFSET = 10000;

    record Filter(String field, String operator, List<String> values) {
        Filter {
            values = List.copyOf(values);
        }
    }

    record Order(String field, boolean ascending) {
    }

    /** How to read one field of a task record: its values (several for list fields) and how they compare. */
    private record Field(Function<TaskView, List<String>> values, boolean numeric) {
    }

    private static final Map<String, Field> FIELDS = Map.of(
            "_id", new Field(t -> List.of(t.id()), false),
            "state", new Field(t -> List.of(t.state().wire), false),
            "workflow_instance_id", new Field(t -> List.of(t.instanceId()), false),
            "workflow_id", new Field(t -> List.of(t.flowApiName()), false),
            "activity_id", new Field(t -> List.of(t.activityId()), false),
            "candidate_ids", new Field(TaskView::candidateIds, false),
            "create_time", new Field(t -> List.of(Long.toString(t.createTime())), true),
            "last_modify_time", new Field(t -> List.of(Long.toString(t.modifyTime())), true));

    private static final List<String> ORDERABLE = List.of("_id", "create_time", "last_modify_time");

    TaskObjectQuery {
        filters = List.copyOf(filters);
        orders = List.copyOf(orders);
    }

    /** Reads and checks {@code search_query_info}; the order of checks follows the fact sheet's rules. */
    static TaskObjectQuery parse(JsonNode info) {
        // UNVERIFIED: whether limit has a default is not documented; the sandbox requires it.
        long limit = WireFormat.optionalLong(info, "limit")
                .orElseThrow(() -> VendorError.parameter("search_query_info.limit is required"));
        if (limit < 1 || limit > MAX_LIMIT) {
            throw VendorError.parameter("limit must be between 1 and " + MAX_LIMIT + ", not " + limit);
        }
        long offset = WireFormat.optionalLong(info, "offset").orElse(0L);
        if (offset < 0) {
            throw VendorError.parameter("offset must not be negative");
        }
        if (offset > MAX_OFFSET) {
            throw new VendorError(ErrorCodes.OFFSET_OUT_OF_RANGE, "offset out of range " + MAX_OFFSET);
        }
        if (offset % limit != 0) {
            throw VendorError.parameter("offset " + offset + " must be a multiple of limit " + limit);
        }
        return new TaskObjectQuery((int) limit, (int) offset, filters(info.get("filters")), orders(info.get("orders")));
    }

    private static List<Filter> filters(JsonNode node) {
        List<Filter> out = new ArrayList<>();
        for (JsonNode f : list(node, "filters")) {
            String field = WireFormat.requireText(f, "field_name");
            if (!FIELDS.containsKey(field)) {
                throw VendorError.parameter("filter field " + field + " is not simulated by the sandbox");
            }
            String operator = WireFormat.requireText(f, "operator").toUpperCase(Locale.ROOT);
            JsonNode rawValues = f.get("field_values");
            if (rawValues == null || !rawValues.isArray()) {
                throw VendorError.parameter("field_values of filter " + field + " must be a list");
            }
            List<String> values = new ArrayList<>();
            rawValues.forEach(v -> values.add(v.asText()));
            switch (operator) {
                case "EQ", "GT" -> {
                    if (values.size() != 1) {
                        throw VendorError.parameter(operator + " on " + field + " needs exactly one value");
                    }
                    if (operator.equals("GT") && FIELDS.get(field).numeric()) {
                        compare("0", values.get(0), true); // refuses a non-number up front
                    }
                }
                case "IN", "HASANYOF" -> {
                    if (values.isEmpty()) {
                        throw VendorError.parameter(operator + " on " + field + " needs values");
                    }
                }
                default -> throw VendorError.parameter("operator " + operator + " is not simulated by the sandbox");
            }
            out.add(new Filter(field, operator, values));
        }
        return out;
    }

    private static List<Order> orders(JsonNode node) {
        List<Order> out = new ArrayList<>();
        for (JsonNode o : list(node, "orders")) {
            String field = WireFormat.requireText(o, "fieldName");
            if (!ORDERABLE.contains(field)) {
                throw VendorError.parameter("ordering by " + field + " is not simulated by the sandbox");
            }
            out.add(new Order(field, WireFormat.optionalBoolean(o, "isAsc").orElse(true)));
        }
        return out;
    }

    private static List<JsonNode> list(JsonNode node, String name) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw VendorError.parameter(name + " must be a list");
        }
        List<JsonNode> out = new ArrayList<>();
        node.forEach(n -> {
            if (!n.isObject()) {
                throw VendorError.parameter("every entry of " + name + " must be an object");
            }
            out.add(n);
        });
        return out;
    }

    /** Every match, sorted (before paging). */
    List<TaskView> matches(List<TaskView> tasks) {
        return tasks.stream().filter(this::matches).sorted(comparator()).toList();
    }

    /** The page at {@code offset}, of at most {@code served} items (the limit, or fewer where the server caps it). */
    List<TaskView> page(List<TaskView> sortedMatches, int served) {
        return sortedMatches.stream().skip(offset).limit(Math.min(limit, served)).toList();
    }

    private boolean matches(TaskView task) {
        for (Filter f : filters) {
            Field field = FIELDS.get(f.field());
            List<String> actual = field.values().apply(task);
            boolean hit = switch (f.operator()) {
                case "EQ", "IN", "HASANYOF" -> actual.stream().anyMatch(f.values()::contains);
                case "GT" -> actual.stream().anyMatch(a -> compare(a, f.values().get(0), field.numeric()) > 0);
                default -> throw new IllegalStateException(f.operator());
            };
            if (!hit) {
                return false;
            }
        }
        return true;
    }

    private static int compare(String a, String b, boolean numeric) {
        if (numeric) {
            try {
                return Long.compare(Long.parseLong(a), Long.parseLong(b));
            } catch (NumberFormatException e) {
                throw VendorError.parameter("'" + b + "' is not a number");
            }
        }
        return a.compareTo(b);
    }

    /**
     * The requested orders, then {@code _id} as a tie-breaker so pages never overlap. UNVERIFIED: the
     * vendor's order when none is given is undocumented; the sandbox uses create_time, then _id.
     */
    private Comparator<TaskView> comparator() {
        List<Order> effective = new ArrayList<>(orders);
        if (effective.isEmpty()) {
            effective.add(new Order("create_time", true));
        }
        effective.add(new Order("_id", true));
        Comparator<TaskView> c = (x, y) -> 0;
        for (Order o : effective) {
            Comparator<TaskView> one = switch (o.field()) {
                case "_id" -> Comparator.comparing(TaskView::id);
                case "create_time" -> Comparator.comparingLong(TaskView::createTime);
                case "last_modify_time" -> Comparator.comparingLong(TaskView::modifyTime);
                default -> throw new IllegalStateException(o.field());
            };
            c = c.thenComparing(o.ascending() ? one : one.reversed());
        }
        return Objects.requireNonNull(c);
    }
}
