package org.openapproval.sandbox.nocoly;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.openapproval.sandbox.kit.FaultSchedule;
import org.openapproval.sandbox.kit.LoopbackHttpServer;
import org.openapproval.sandbox.kit.LoopbackHttpServer.QueryDecoding;
import org.openapproval.sandbox.kit.LoopbackHttpServer.Reply;
import org.openapproval.sandbox.kit.LoopbackHttpServer.Request;
import org.openapproval.sandbox.kit.FaultSchedule.ForcedError;
import org.openapproval.sandbox.nocoly.WorkflowStore.Seeded;
import org.openapproval.sandbox.nocoly.WorkflowStore.Select;
import org.openapproval.core.domain.ProcessId;
import org.openapproval.core.domain.RecordRef;
import org.openapproval.sandbox.kit.DefinitionSeed;
import org.openapproval.sandbox.kit.Fault;
import org.openapproval.sandbox.kit.ProcessSeed;
import org.openapproval.sandbox.kit.ProviderSandbox;
import org.openapproval.sandbox.kit.SeededProcess;

/**
 * A wire-faithful simulator of the Nocoly / Mingdao HAP (明道云) approval APIs, written from the vendor fact
 * sheet and the vendor's W5 page only. One plain-HTTP server on 127.0.0.1 (random port) serves both the V3
 * application API (W1–W5, {@code HAP-Appkey}/{@code HAP-Sign} headers) and the organization API's batch
 * approval and to-do list (timestamped org signature in the query). Thread-safe; all time comes from the
 * injected clock.
 *
 * <p>Request pipeline, in this order: record and count the request; route it (unknown path → HTTP 404,
 * wrong method → 405, both before any fault); apply a queued fault; a forced error code; authentication;
 * the endpoint itself.
 */
public final class NocolySandbox implements ProviderSandbox {
    public static final String PROVIDER_ID = "nocoly";

    /** The V3 authorization's AppKey. UNVERIFIED: real AppKeys' format (the sandbox uses 16 lower hex). */
    static final String APP_KEY = "5d2c8e4a1f9b3c70";
    /**
     * The V3 authorization's Sign: fixed, shown not computed (fact sheet §1.2), shaped like the vendor's sample:
     * 88 Base64 characters encoding 64 lower-case hex digits.
     */
    static final String APP_SIGN = OrgSignature.base64OfHex("AppKey=" + APP_KEY + "&SecretKey=openapproval-sandbox");
    /** The organization key pair. UNVERIFIED: real formats (the sandbox uses 16 and 32 lower hex). */
    static final String ORG_APP_KEY = "9c41e7a2b06d5f83";
    static final String ORG_SECRET_KEY = "3f6a1c9e8b2d4075a1e9c3b7d5f20846";
    /** UNVERIFIED: the org API's timestamp tolerance is undocumented; the sandbox allows ±5 minutes. */
    static final Duration TIMESTAMP_WINDOW = Duration.ofMinutes(5);


    /** One HTTP request as received: path raw (still percent-encoded), header names lower-case. */
    public record RecordedRequest(String method, String path, Map<String, List<String>> query,
            Map<String, String> headers, String body) {
        public RecordedRequest {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(path, "path");
            query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
            headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
            Objects.requireNonNull(body, "body");
        }
    }

    /** One W3 call that reached its process: the process id and the inputs exactly as received (JSON text). */
    public record HookRun(String processId, String inputs, Instant at) {
    }

    /** How a LATENCY fault waits; replaceable by tests in this package so they can observe it. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** Which API family a path belongs to: its envelope and its credentials. */
    private enum Family {
        V3,
        ORG
    }

    private enum Endpoint {
        W1_PROCESSES("GET", Family.V3, false),
        W2_PROCESS("GET", Family.V3, false),
        W3_HOOK("POST", Family.V3, true),
        W4_APPROVAL_LIST("POST", Family.V3, false),
        W5_APPROVAL("GET", Family.V3, false),
        ORG_BATCH("POST", Family.ORG, true),
        ORG_TODO_LIST("POST", Family.ORG, false);

        final String method;
        final Family family;
        final boolean write;

        Endpoint(String method, Family family, boolean write) {
            this.method = method;
            this.family = family;
            this.write = write;
        }
    }

    /** A matched path: the endpoint, or the methods allowed there, and the decoded path parameters. */
    private record Route(Endpoint endpoint, String allow, List<String> params) {
    }

    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final WorkflowStore store;
    private final FaultSchedule faults = new FaultSchedule();
    /** The most recent requests; bounded so a long-running demo does not grow without end. */
    static final int MAX_RECORDED = LoopbackHttpServer.MAX_RECORDED;
    private final LoopbackHttpServer http;
    private final URI endpoint;
    private volatile boolean bareHookOutputs;
    private volatile Sleeper sleeper = d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);

    private NocolySandbox(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.store = new WorkflowStore(new WireFormat(clock.getZone()), clock.instant());
        // A malformed escape in the query drops that pair, so a required parameter reads as missing.
        http = LoopbackHttpServer.start("nocoly-sandbox", QueryDecoding.DROP_MALFORMED_PAIRS, this::answer);
        endpoint = http.endpoint();
    }

    /** Binds 127.0.0.1 on a random free port and starts serving. */
    public static NocolySandbox start(Clock clock) {
        return new NocolySandbox(clock);
    }

    /** The V3 base ({@code http://127.0.0.1:<port>}); the organization API is served by the same server. */
    public URI endpoint() {
        return endpoint;
    }

    // ------------------------------------------------------------------ ProviderSandbox

    @Override
    public String providerId() {
        return PROVIDER_ID;
    }

    @Override
    public Map<String, String> connectionConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("endpoint", endpoint.toString());
        config.put("app-key", APP_KEY);
        config.put("sign", APP_SIGN);
        config.put("org-endpoint", endpoint.toString());
        config.put("org-app-key", ORG_APP_KEY);
        config.put("org-secret-key", ORG_SECRET_KEY);
        // Short backoffs keep the adapter's retries fast against the sandbox.
        config.put("retry-initial-backoff", "5ms");
        config.put("retry-max-backoff", "20ms");
        return Collections.unmodifiableMap(config);
    }

    /** A W1-listed process (type 10, PBP) with these inputs, triggerable by W3; returns its id. */
    @Override
    public String seedDefinition(DefinitionSeed seed) {
        return store.defineProcess(Objects.requireNonNull(seed, "seed"), clock.instant());
    }

    /** A new row of the sandbox's worksheet with a running approval instance on it. */
    @Override
    public SeededProcess seedProcess(ProcessSeed seed) {
        return seeded(store.seed(Objects.requireNonNull(seed, "seed"), clock.instant()));
    }

    /**
     * Another approval instance on an existing row (a record submitted again), listed after the row's earlier
     * ones by W4.
     *
     * @throws IllegalArgumentException if the record is not a row seeded by this sandbox
     */
    public SeededProcess seedProcess(RecordRef record, ProcessSeed seed) {
        Objects.requireNonNull(record, "record");
        return seeded(store.seedOnRow(record.objectType(), record.recordId(), Objects.requireNonNull(seed, "seed"),
                clock.instant()));
    }

    private static SeededProcess seeded(Seeded s) {
        return new SeededProcess(ProcessId.of(s.worksheetId(), s.rowId(), s.instanceId()),
                RecordRef.of(s.worksheetId(), s.rowId()), s.processId());
    }

    @Override
    public void injectFault(Fault fault) {
        faults.inject(fault);
    }

    @Override
    public void clearFaults() {
        faults.clear();
    }

    @Override
    public long requestCount() {
        return http.requestCount();
    }

    @Override
    public void close() {
        http.close(); // idempotent
    }

    // ------------------------------------------------------------------ sandbox controls

    /**
     * The next {@code times} requests to a known path answer HTTP 200 with this code (V3
     * {@code error_code}, org {@code code}), nothing applied.
     */
    public void forceErrorCode(int errorCode, String errorMessage, int times) {
        faults.force(errorCode, errorMessage, times);
    }

    /**
     * W3 answers with the enveloped outputs ({@code {"success":true,...,"data":{outputs}}}, the default) or,
     * when {@code bare}, with the outputs object alone, the other shape the docs show. Errors stay enveloped.
     */
    public void answerHooksWithBareOutputs(boolean bare) {
        bareHookOutputs = bare;
    }

    /** The HTTP requests received so far (the latest 10,000), in order; the path is raw (percent-encoded). */
    public List<RecordedRequest> requests() {
        return http.requests().stream()
                .map(r -> new RecordedRequest(r.method(), r.rawPath(), r.query(), r.headers(), r.body()))
                .toList();
    }

    /** W3 calls that reached a process (accepted), in order. */
    public List<HookRun> hookRuns() {
        return store.hookRuns();
    }

    void latencySleeper(Sleeper replacement) {
        sleeper = Objects.requireNonNull(replacement, "replacement");
    }

    // ------------------------------------------------------------------ request pipeline

    /** After the server has read, recorded and counted the request. */
    private Reply answer(Request in) {
        // UNVERIFIED: the vendor's answers to an unknown path or a wrong method are unknown; plain 404 / 405.
        Route route = route(in.method(), in.rawPath());
        if (route == null) {
            return Reply.text(404, "Not Found", Map.of());
        }
        if (route.endpoint() == null) {
            return Reply.text(405, "Method Not Allowed", Map.of("Allow", route.allow()));
        }
        Endpoint ep = route.endpoint();

        Optional<Fault> fault = faults.take(ep.write);
        boolean garble = false;
        if (fault.isPresent()) {
            switch (fault.get().kind()) {
                case LATENCY -> pause(fault.get().latency());
                case VENDOR_UNAVAILABLE -> {
                    return Reply.text(503, "Service Temporarily Unavailable", Map.of());
                }
                case RATE_LIMITED -> {
                    return error(ep.family, ErrorCodes.THROTTLED, "请求限流 (request throttled)");
                }
                case EXPIRED_CREDENTIALS -> {
                    // UNVERIFIED analogue: HAP app signs do not expire, so "expired" credentials are answered
                    // like wrong ones (10102) and a client cannot recover by refreshing.
                    return error(ep.family, ErrorCodes.SIGN_INVALID, "签名不合法 (signature invalid)");
                }
                case MALFORMED_RESPONSE -> garble = true;
            }
        }
        Reply reply = dispatch(ep, route.params(), in);
        return garble ? reply.truncated() : reply;
    }

    private void pause(Duration latency) {
        try {
            sleeper.sleep(latency);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // closing: answer at once
        }
    }

    private Reply dispatch(Endpoint ep, List<String> params, Request in) {
        Optional<ForcedError> forced = faults.takeForced();
        if (forced.isPresent()) {
            return error(ep.family, forced.get().code(), forced.get().message());
        }
        Instant now = clock.instant();
        try {
            if (ep.family == Family.V3) {
                authenticateV3(in.headers());
                return handleV3(ep, params, in, now);
            }
            String accountId = authenticateOrg(in.query(), now);
            return handleOrg(ep, accountId, in, now);
        } catch (VendorError e) {
            return error(ep.family, e.code(), e.getMessage());
        }
    }

    private Reply handleV3(Endpoint ep, List<String> params, Request in, Instant now) {
        switch (ep) {
            case W1_PROCESSES:
                return ok(store.processList());
            case W2_PROCESS:
                return ok(store.processDetail(existing(params.get(0), "process")));
            case W3_HOOK: {
                String processId = existing(params.get(0), "process");
                JsonNode body = parseBody(in.body(), true);
                ObjectNode outputs = store.trigger(processId, body, now);
                // UNVERIFIED: which of the two documented shapes is current; see answerHooksWithBareOutputs.
                return bareHookOutputs ? jsonReply(outputs) : ok(outputs);
            }
            case W4_APPROVAL_LIST: {
                JsonNode body = parseBody(in.body(), true);
                boolean paged = body.has("pageIndex") || body.has("pageSize");
                int pageIndex = paged ? intField(body, "pageIndex", 1) : 1;
                int pageSize = paged ? intField(body, "pageSize", 20) : Integer.MAX_VALUE;
                checkPaging(pageIndex, pageSize);
                return ok(store.instancesOf(existing(params.get(0), "worksheet"),
                        params.get(1) == null ? "" : params.get(1), pageIndex, pageSize));
            }
            case W5_APPROVAL:
                return ok(store.detail(existing(params.get(0), "worksheet"), existing(params.get(1), "row"),
                        existing(params.get(2), "approval")));
            default:
                throw new IllegalStateException("not a V3 endpoint: " + ep);
        }
    }

    private Reply handleOrg(Endpoint ep, String accountId, Request in, Instant now) {
        JsonNode body = parseBody(in.body(), false);
        if (ep == Endpoint.ORG_BATCH) {
            if (!body.hasNonNull("batchOperationType")) {
                throw VendorError.missing("batchOperationType is required");
            }
            int operation = intField(body, "batchOperationType", 0);
            JsonNode selects = body.get("selects");
            if (selects == null || selects.isNull() || (selects.isArray() && selects.isEmpty())) {
                throw VendorError.missing("selects is required");
            }
            if (!selects.isArray()) {
                throw VendorError.badValue("selects must be an array of {id, workId}");
            }
            List<Select> parsed = new ArrayList<>();
            for (JsonNode s : selects) {
                parsed.add(new Select(textField(s, "id"), textField(s, "workId")));
            }
            JsonNode opinion = body.get("opinion");
            if (opinion != null && !opinion.isNull() && !opinion.isTextual()) {
                throw VendorError.badValue("opinion must be a string");
            }
            store.batch(accountId, operation, parsed, opinion == null || opinion.isNull() ? null : opinion.asText(),
                    now);
            return orgOk(json.getNodeFactory().booleanNode(true));
        }
        // UNVERIFIED: a missing type means -1 (every pending fill-in or approval item); default page size 20.
        int type = intField(body, "type", Vocabulary.TODO_FILL_AND_APPROVE);
        int pageIndex = intField(body, "pageIndex", 1);
        int pageSize = intField(body, "pageSize", 20);
        checkPaging(pageIndex, pageSize);
        return orgOk(store.todoList(accountId, type, pageIndex, pageSize));
    }

    // ------------------------------------------------------------------ routing

    /**
     * Matches the raw path segment by segment, so an encoded {@code %2F} stays inside its segment; path
     * parameters are then percent-decoded (a malformed escape decodes to null and finds nothing).
     */
    private static Route route(String method, String rawPath) {
        if (!rawPath.startsWith("/")) {
            return null;
        }
        String[] s = rawPath.substring(1).split("/", -1);
        if (s.length >= 4 && s[0].equals("v3") && s[1].equals("app") && s[2].equals("workflow")) {
            if (s.length == 4 && s[3].equals("processes")) {
                return of(method, Endpoint.W1_PROCESSES, List.of());
            }
            if (s.length == 5 && s[3].equals("processes")) {
                return of(method, Endpoint.W2_PROCESS, params(s[4]));
            }
            if (s.length == 5 && s[3].equals("hooks")) {
                return of(method, Endpoint.W3_HOOK, params(s[4]));
            }
            if (s.length == 8 && s[4].equals("rows") && s[6].equals("approval")) {
                if (s[7].equals("list") && method.equals("POST")) {
                    return of(method, Endpoint.W4_APPROVAL_LIST, params(s[3], s[5]));
                }
                if (method.equals("GET")) {
                    return of(method, Endpoint.W5_APPROVAL, params(s[3], s[5], s[7]));
                }
                return new Route(null, s[7].equals("list") ? "GET, POST" : "GET", List.of());
            }
            return null;
        }
        if (s.length == 4 && s[0].equals("workflow") && s[1].equals("v1") && s[2].equals("instance")) {
            if (s[3].equals("batch")) {
                return of(method, Endpoint.ORG_BATCH, List.of());
            }
            if (s[3].equals("getTodoList")) {
                return of(method, Endpoint.ORG_TODO_LIST, List.of());
            }
        }
        return null;
    }

    private static Route of(String method, Endpoint endpoint, List<String> params) {
        return method.equals(endpoint.method) ? new Route(endpoint, endpoint.method, params)
                : new Route(null, endpoint.method, params);
    }

    private static List<String> params(String... raw) {
        List<String> out = new ArrayList<>();
        for (String r : raw) {
            out.add(decodeSegment(r));
        }
        return Collections.unmodifiableList(out);
    }

    /** A decoded path parameter that can name something: not null (malformed), not blank, without '/'. */
    private static String existing(String param, String what) {
        if (param == null || param.isBlank() || param.indexOf('/') >= 0) {
            throw VendorError.notFound(what + " " + (param == null ? "(malformed)" : param) + " does not exist");
        }
        return param;
    }

    /** RFC 3986 percent-decoding of one path segment ('+' stays '+'); null when malformed or not UTF-8. */
    static String decodeSegment(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return null;
                }
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    // ------------------------------------------------------------------ auth

    /**
     * V3 app auth: {@code HAP-Appkey} + {@code HAP-Sign} (names case-insensitive). Missing or unknown key →
     * 10101; missing or wrong sign → 10102. UNVERIFIED: HTTP status; the sandbox answers 200 with the error
     * envelope (a community report says 401 "Http Headers verification failed" for a bad sign).
     */
    private static void authenticateV3(Map<String, String> headers) {
        String appKey = trimmed(headers.get("hap-appkey"));
        if (appKey == null || !appKey.equals(APP_KEY)) {
            throw new VendorError(ErrorCodes.APP_KEY_UNKNOWN, appKey == null
                    ? "HAP-Appkey header is missing" : "authorization " + appKey + " does not exist");
        }
        String sign = trimmed(headers.get("hap-sign"));
        if (sign == null || !java.security.MessageDigest.isEqual(sign.getBytes(StandardCharsets.UTF_8),
                APP_SIGN.getBytes(StandardCharsets.UTF_8))) {
            throw new VendorError(ErrorCodes.SIGN_INVALID, "HAP-Sign is missing or invalid");
        }
    }

    /**
     * Org auth from the query: {@code appKey}, {@code sign}, {@code timestamp} (ms) and the acting
     * {@code accountId}. UNVERIFIED codes: a missing parameter → 10001, a non-numeric timestamp → 10002,
     * unknown appKey → 10101, wrong sign or a timestamp outside ±5 minutes of the sandbox clock → 10102.
     * The query is decoded the form way ('+' = space), as a typical Java server does.
     */
    private static String authenticateOrg(Map<String, List<String>> query, Instant now) {
        String appKey = requiredQuery(query, "appKey");
        String sign = requiredQuery(query, "sign");
        String timestamp = requiredQuery(query, "timestamp");
        String accountId = requiredQuery(query, "accountId");
        if (!appKey.equals(ORG_APP_KEY)) {
            throw new VendorError(ErrorCodes.APP_KEY_UNKNOWN, "appKey " + appKey + " does not exist");
        }
        long millis;
        try {
            millis = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            throw VendorError.badValue("timestamp must be Unix time in milliseconds, not " + timestamp);
        }
        if (!OrgSignature.matches(sign, appKey, ORG_SECRET_KEY, timestamp)) {
            throw new VendorError(ErrorCodes.SIGN_INVALID, "sign is invalid");
        }
        Duration skew = Duration.between(Instant.ofEpochMilli(millis), now).abs();
        if (skew.compareTo(TIMESTAMP_WINDOW) > 0) {
            throw new VendorError(ErrorCodes.SIGN_INVALID, "timestamp " + timestamp
                    + " is outside the allowed window of " + TIMESTAMP_WINDOW.toMinutes() + " minutes");
        }
        return accountId;
    }

    private static String requiredQuery(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        String value = values == null || values.isEmpty() ? null : trimmed(values.get(0));
        if (value == null) {
            throw VendorError.missing(name + " is required");
        }
        return value;
    }

    private static String trimmed(String value) {
        if (value == null) {
            return null;
        }
        String t = value.trim();
        return t.isEmpty() ? null : t;
    }

    // ------------------------------------------------------------------ request bodies

    /**
     * A JSON object body. {@code blankIsEmpty}: a blank body counts as {@code {}} (V3 W3/W4, lenient);
     * otherwise it is a missing parameter (10001). Not JSON or not an object → 10001.
     */
    private JsonNode parseBody(String body, boolean blankIsEmpty) {
        if (body.isBlank()) {
            if (blankIsEmpty) {
                return json.createObjectNode();
            }
            throw VendorError.missing("the request body is empty");
        }
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw VendorError.missing("the request body is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw VendorError.missing("the request body must be a JSON object");
        }
        return node;
    }

    /** An int given as a JSON integer or a numeric string; absent/null → default; anything else → 10002. */
    private static int intField(JsonNode body, String field, int defaultValue) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return defaultValue;
        }
        if (v.isIntegralNumber() && v.canConvertToInt()) {
            return v.intValue();
        }
        if (v.isTextual()) {
            try {
                return Integer.parseInt(v.asText().trim());
            } catch (NumberFormatException e) {
                // fall through
            }
        }
        throw VendorError.badValue(field + " must be an integer, not " + v);
    }

    private static String textField(JsonNode object, String field) {
        JsonNode v = object == null ? null : object.get(field);
        if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
            throw VendorError.missing("selects[]." + field + " is required");
        }
        if (!v.isTextual()) {
            throw VendorError.badValue("selects[]." + field + " must be a string");
        }
        return v.asText();
    }

    private static void checkPaging(int pageIndex, int pageSize) {
        if (pageIndex < 1 || pageSize < 1) {
            throw VendorError.badValue("pageIndex and pageSize must be at least 1");
        }
    }

    // ------------------------------------------------------------------ envelopes

    /**
     * V3 success: {@code success}, {@code error_code} 1, {@code error_msg}, {@code data}. UNVERIFIED:
     * {@code error_msg} on success (the sandbox sends "").
     */
    private Reply ok(JsonNode data) {
        ObjectNode out = json.createObjectNode();
        out.put("success", true);
        out.put("error_code", ErrorCodes.SUCCESS);
        out.put("error_msg", "");
        out.set("data", data);
        return jsonReply(out);
    }

    private Reply orgOk(JsonNode data) {
        ObjectNode out = json.createObjectNode();
        out.put("status", ErrorCodes.ORG_STATUS_OK);
        out.set("data", data);
        out.put("msg", "成功");
        return jsonReply(out);
    }

    /**
     * The family's error envelope, HTTP 200. V3: {@code success false}, {@code error_code}, {@code error_msg},
     * {@code data null} (UNVERIFIED: whether {@code data} is present on errors). Org: {@code status 0},
     * {@code code}, {@code msg}.
     */
    private Reply error(Family family, int code, String message) {
        ObjectNode out = json.createObjectNode();
        if (family == Family.V3) {
            out.put("success", false);
            out.put("error_code", code);
            out.put("error_msg", message);
            out.putNull("data");
        } else {
            out.put("status", ErrorCodes.ORG_STATUS_FAILED);
            out.put("code", code);
            out.put("msg", message);
        }
        return jsonReply(out);
    }

    private Reply jsonReply(JsonNode body) {
        try {
            return Reply.json(json.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render a response", e);
        }
    }
}
