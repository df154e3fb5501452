package org.openapproval.sandbox.fxiaoke;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openapproval.sandbox.fxiaoke.ApprovalStore.Seeded;
import org.openapproval.sandbox.kit.FaultSchedule;
import org.openapproval.sandbox.kit.LoopbackHttpServer;
import org.openapproval.sandbox.kit.LoopbackHttpServer.QueryDecoding;
import org.openapproval.sandbox.kit.LoopbackHttpServer.Reply;
import org.openapproval.sandbox.kit.LoopbackHttpServer.Request;
import org.openapproval.sandbox.kit.FaultSchedule.ForcedError;
import org.openapproval.sandbox.fxiaoke.TokenIssuer.Issued;
import org.openapproval.sandbox.fxiaoke.TokenIssuer.Kind;
import org.openapproval.core.domain.ProcessId;
import org.openapproval.core.domain.RecordRef;
import org.openapproval.sandbox.kit.DefinitionSeed;
import org.openapproval.sandbox.kit.Fault;
import org.openapproval.sandbox.kit.Hostile;
import org.openapproval.sandbox.kit.HostileText;
import org.openapproval.sandbox.kit.ProcessSeed;
import org.openapproval.sandbox.kit.ProviderSandbox;
import org.openapproval.sandbox.kit.SeededProcess;

/**
 * A wire-faithful simulator of the Fxiaoke (纷享销客) OpenAPI approval endpoints, written from the vendor
 * fact sheet only. Serves plain HTTP on 127.0.0.1 (random port): both token styles, the approval reads
 * and writes, the vendor's error envelope, and injectable faults. Thread-safe; all time comes from the
 * injected clock, so token expiry and timestamps are deterministic under a fixed or test clock.
 *
 * <p>Request pipeline, in this order: record and count the request; note its {@code thirdTraceId}; refuse a
 * concurrent token call (14001); apply a queued fault; 405 for non-POST; 10006 for an unknown path;
 * a forced error code; 15002 for a bad {@code thirdTraceId}; the token endpoints' per-minute limit (14001);
 * body parsing; authentication (business calls); the endpoint itself.
 */
public final class FxiaokeSandbox implements ProviderSandbox {
    public static final String PROVIDER_ID = "fxiaoke";

    static final String APP_ID = "FSAID_131f7a9";
    static final String APP_SECRET = "8a5c7e2f4b9d41c3a6e0f1b2c3d4e5f6";
    static final String PERMANENT_CODE = "5D2E9C1A7B3F4E6D8C0B9A1F2E3D4C5B";
    /** The enterprise account ({@code ea}) of the simulated tenant. */
    static final String EA = "fsbx590318";
    /** The tenant's corp id: {@code corpId} of the legacy token and {@code openUserId} of the new one. */
    static final String CORP_ID = "FSCID_6C1E9A7B2D4F48E0A3B5C7D9E1F20A4B";
    static final String ADMIN_EMPLOYEE_ID = "1000";
    static final String GRANT_TYPE = "app_secret";

    private static final Pattern BEARER = Pattern.compile("Bearer ([^\\s]+)");


    /** One HTTP request as received; header names are lower-case, multiple values joined with ", ". */
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

    /** How a LATENCY fault waits; replaceable by tests in this package so they can hold a request on a latch. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private record Incoming(String method, String path, Map<String, String> headers, String body,
            TraceIds.Verdict trace, Kind tokenKind, Request request) {
    }

    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final ApprovalStore store = new ApprovalStore(ADMIN_EMPLOYEE_ID);
    private final ApprovalEndpoints endpoints = new ApprovalEndpoints(store);
    private final TokenIssuer tokens = new TokenIssuer();
    private final TraceIds traceIds = new TraceIds();
    private final FaultSchedule faults = new FaultSchedule();
    /** The most recent requests; bounded so a long-running demo does not grow without end. */
    static final int MAX_RECORDED = LoopbackHttpServer.MAX_RECORDED;
    private final AtomicInteger tokenRequestCount = new AtomicInteger();
    private final AtomicLong traceCount = new AtomicLong();
    private final LoopbackHttpServer http;
    private final URI endpoint;
    private volatile Sleeper sleeper = d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);

    private FxiaokeSandbox(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        // A malformed escape in the query fails the request (HTTP 500, not recorded), as URLDecoder does.
        http = LoopbackHttpServer.start("fxiaoke-sandbox", QueryDecoding.STRICT, this::answer);
        endpoint = http.endpoint();
    }

    /** Binds 127.0.0.1 on a random free port and starts serving. */
    public static FxiaokeSandbox start(Clock clock) {
        return new FxiaokeSandbox(clock);
    }

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
        config.put("app-id", APP_ID);
        config.put("app-secret", APP_SECRET);
        config.put("permanent-code", PERMANENT_CODE);
        config.put("default-user-id", ADMIN_EMPLOYEE_ID);
        // Short backoffs keep the adapter's retries fast against the sandbox.
        config.put("retry-initial-backoff", "5ms");
        config.put("retry-max-backoff", "20ms");
        return Collections.unmodifiableMap(config);
    }

    /** UNVERIFIED: the vendor's definition list endpoint is unknown; this only reserves a flowApiName. */
    @Override
    public String seedDefinition(DefinitionSeed seed) {
        return store.defineFlow(seed.name());
    }

    @Override
    public SeededProcess seedProcess(ProcessSeed seed) {
        Seeded s = store.seed(seed, clock.instant());
        return new SeededProcess(ProcessId.of(s.instanceId()), RecordRef.of(s.objectApiName(), s.dataId()),
                s.flowApiName());
    }

    /**
     * Caps the items a page of {@code approvalInstances/query} and {@code data/query} answers. Fxiaoke
     * documents page sizes and limits up to 100, so 1 to 100 are applied (0 restores answering as many as
     * asked); anything else is not.
     */
    @Override
    public boolean pageSize(int size) {
        if (size < 0 || size > ApprovalEndpoints.MAX_PAGE_SIZE) {
            return false;
        }
        endpoints.pageCap(size);
        return true;
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

    /** The next {@code times} business or token requests answer HTTP 200 with this errorCode, nothing applied. */
    public void forceErrorCode(int errorCode, String errorMessage, int times) {
        faults.force(errorCode, errorMessage, times);
    }

    /** Revokes every issued accessToken and corpAccessToken: they answer 20016 and the next token call issues anew. */
    public void expireAllTokens() {
        tokens.expireAll();
    }

    /** Calls received on {@code /oauth2.0/token} and {@code /cgi/corpAccessToken/get/V2}, refused ones included. */
    public int tokenRequestCount() {
        return tokenRequestCount.get();
    }

    /**
     * The HTTP requests received so far (the latest 10,000), in order; the path is decoded.
     *
     * <p>UNVERIFIED: whether the gateway insists on Content-Type: application/json is unknown; not checked,
     * but recorded here for tests that want to assert it.
     */
    public List<RecordedRequest> requests() {
        return http.requests().stream()
                .map(r -> new RecordedRequest(r.method(), r.path(), r.query(), r.headers(), r.body()))
                .toList();
    }

    void latencySleeper(Sleeper replacement) {
        sleeper = Objects.requireNonNull(replacement, "replacement");
    }

    // ------------------------------------------------------------------ request pipeline

    /** After the server has read, recorded and counted the request. */
    private Reply answer(Request request) {
        String path = request.path();
        Kind tokenKind = Arrays.stream(Kind.values()).filter(k -> k.path.equals(path)).findFirst().orElse(null);
        if (tokenKind != null) {
            tokenRequestCount.incrementAndGet();
        }
        Incoming in = new Incoming(request.method(), path, request.headers(), request.body(),
                traceIds.check(request.query().get("thirdTraceId")), tokenKind, request);
        if (tokenKind == null) {
            return withFaults(in);
        }
        if (!tokens.tryEnter(tokenKind)) {
            return error(ErrorCodes.CALL_LIMIT_EXCEEDED, "token endpoint does not allow concurrent calls");
        }
        try {
            return withFaults(in);
        } finally {
            tokens.exit(tokenKind); // before the reply is sent, so the client's next call finds it free
        }
    }

    private Reply withFaults(Incoming in) {
        Optional<Fault> fault = faults.take(ApprovalEndpoints.WRITE_PATHS.contains(in.path()));
        boolean garble = false;
        if (fault.isPresent()) {
            switch (fault.get().kind()) {
                case LATENCY -> pause(fault.get().latency());
                case VENDOR_UNAVAILABLE -> {
                    return Reply.text(503, "Service Temporarily Unavailable", Map.of());
                }
                case RATE_LIMITED -> {
                    return error(ErrorCodes.FREQUENCY_EXCEEDED, "call frequency exceeded, try again later");
                }
                case EXPIRED_CREDENTIALS -> tokens.expireAll();
                case MALFORMED_RESPONSE -> garble = true;
                case ECHOING_ERROR -> {
                    return error(ErrorCodes.INVALID_PARAMETER, HostileText.echoOf(in.request()));
                }
                case CONTROL_CHARACTERS_IN_ERROR -> {
                    return error(ErrorCodes.INVALID_PARAMETER, HostileText.CONTROL_SEQUENCES);
                }
                case DRIPPING_BODY, ENDLESS_CHUNKED_BODY, HUGE_BODY, RESET_AFTER_APPLY -> {
                    // applied as usual, then the answer misbehaves
                    return Hostile.deliver(dispatch(in), fault.get());
                }
            }
        }
        Reply reply = dispatch(in);
        return garble ? reply.truncated() : reply;
    }

    private void pause(Duration latency) {
        try {
            sleeper.sleep(latency);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // closing: answer at once
        }
    }

    private Reply dispatch(Incoming in) {
        if (!"POST".equals(in.method())) {
            return Reply.text(405, "Method Not Allowed", Map.of("Allow", "POST"));
        }
        Optional<ApprovalEndpoints.Handler> handler = endpoints.handler(in.path());
        if (in.tokenKind() == null && handler.isEmpty()) {
            return error(ErrorCodes.UNKNOWN_PATH, "unknown path " + in.path());
        }
        Optional<ForcedError> forced = faults.takeForced();
        if (forced.isPresent()) {
            return error(forced.get().code(), forced.get().message());
        }
        try {
            if (!in.trace().ok()) {
                // UNVERIFIED: the code for a missing/malformed/reused thirdTraceId is undocumented; 15002
                // ("invalid parameter") is the closest documented one.
                throw new VendorError(ErrorCodes.INVALID_PARAMETER, in.trace().problem());
            }
            Instant now = clock.instant();
            if (in.tokenKind() != null && !tokens.admit(in.tokenKind(), now)) {
                throw new VendorError(ErrorCodes.CALL_LIMIT_EXCEEDED, "token endpoint allows "
                        + TokenIssuer.MAX_CALLS_PER_MINUTE + " calls per minute");
            }
            ObjectNode body = parseBody(in.body());
            ObjectNode data = in.tokenKind() != null
                    ? issueToken(in.tokenKind(), body, now)
                    : handler.get().handle(authenticate(in.headers(), body, now), body, now);
            return envelope(ErrorCodes.SUCCESS, "OK", "success", data);
        } catch (VendorError e) {
            return error(e.errorCode(), e.getMessage());
        }
    }

    private ObjectNode parseBody(String body) {
        if (body.isBlank()) {
            throw new VendorError(ErrorCodes.EMPTY_POST_BODY, "POST body is empty");
        }
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new VendorError(ErrorCodes.INVALID_PARAMETER, "body is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw new VendorError(ErrorCodes.INVALID_PARAMETER, "body must be a JSON object");
        }
        return (ObjectNode) node;
    }

    // ------------------------------------------------------------------ auth

    private ObjectNode issueToken(Kind kind, ObjectNode body, Instant now) {
        String appId = WireFormat.optionalText(body, "appId")
                .orElseThrow(() -> new VendorError(ErrorCodes.MISSING_APP_ID, "appId is required"));
        String appSecret = WireFormat.optionalText(body, "appSecret")
                .orElseThrow(() -> new VendorError(ErrorCodes.MISSING_APP_SECRET, "appSecret is required"));
        String permanentCode = WireFormat.optionalText(body, "permanentCode")
                .orElseThrow(() -> new VendorError(ErrorCodes.MISSING_PERMANENT_CODE, "permanentCode is required"));
        if (kind == Kind.ACCESS_TOKEN && !GRANT_TYPE.equals(WireFormat.optionalText(body, "grantType").orElse(null))) {
            // UNVERIFIED: the code for a missing or other grantType is undocumented; 15002 is the closest.
            throw new VendorError(ErrorCodes.INVALID_PARAMETER, "grantType must be " + GRANT_TYPE);
        }
        if (!APP_ID.equals(appId) || !APP_SECRET.equals(appSecret)) {
            throw new VendorError(ErrorCodes.WRONG_APP_ID_OR_SECRET, "appId or appSecret is wrong");
        }
        if (!PERMANENT_CODE.equals(permanentCode)) {
            throw new VendorError(ErrorCodes.WRONG_PERMANENT_CODE, "permanentCode is wrong");
        }
        Issued issued = tokens.issue(kind, now);
        ObjectNode out = json.createObjectNode();
        if (kind == Kind.ACCESS_TOKEN) {
            out.put("accessToken", issued.token());
            out.put("expiresIn", issued.expiresIn());
            out.put("appId", APP_ID);
            out.put("ea", EA);
            out.put("openUserId", CORP_ID); // the docs' example is an FSCID_ corp id, not a user
        } else {
            out.put("corpAccessToken", issued.token());
            out.put("corpId", CORP_ID);
            out.put("expiresIn", issued.expiresIn());
        }
        return out;
    }

    /** Resolves the acting employee from header auth (new style) or body auth (legacy style), never both. */
    private String authenticate(Map<String, String> headers, ObjectNode body, Instant now) {
        String authorization = headers.get("authorization");
        boolean headerStyle = authorization != null;
        boolean bodyStyle = body.has("corpAccessToken") || body.has("corpId") || body.has("currentOpenUserId");
        if (headerStyle && bodyStyle) {
            throw new VendorError(ErrorCodes.INVALID_PARAMETER, "use either header or body authentication, not both");
        }
        String employee;
        if (headerStyle) {
            Matcher bearer = BEARER.matcher(authorization);
            if (!bearer.matches() || !tokens.isValid(Kind.ACCESS_TOKEN, bearer.group(1), now)
                    || !EA.equals(headers.get("x-fs-ea"))) {
                throw tokenError();
            }
            employee = headers.get("x-fs-userid");
        } else if (bodyStyle) {
            String token = WireFormat.optionalText(body, "corpAccessToken").orElseThrow(FxiaokeSandbox::noAuth);
            if (!tokens.isValid(Kind.CORP_ACCESS_TOKEN, token, now)
                    || !CORP_ID.equals(WireFormat.optionalText(body, "corpId").orElse(null))) {
                throw tokenError();
            }
            // UNVERIFIED: legacy style documents an FSUID_ openUserId here; as briefed, the sandbox takes the
            // CRM employee id verbatim, like x-fs-userid.
            employee = WireFormat.optionalText(body, "currentOpenUserId").orElse(null);
        } else {
            throw noAuth();
        }
        if (employee == null || employee.isBlank()) {
            // UNVERIFIED: the code for a missing acting user is undocumented; 10010 = "missing openUserId".
            throw new VendorError(ErrorCodes.MISSING_OPEN_USER_ID,
                    headerStyle ? "x-fs-userid header is required" : "currentOpenUserId is required");
        }
        if (!store.isEmployee(employee)) {
            throw new VendorError(ErrorCodes.EMPLOYEE_NOT_FOUND, "employee " + employee + " does not exist");
        }
        return employee;
    }

    private static VendorError tokenError() {
        return new VendorError(ErrorCodes.TOKEN_INVALID, "the cropId,cropAccessToken or authorization is error");
    }

    private static VendorError noAuth() {
        return new VendorError(ErrorCodes.NO_AUTH, "corpAccessToken为必填项");
    }

    // ------------------------------------------------------------------ envelopes

    private Reply error(int errorCode, String message) {
        return envelope(errorCode, message, message, json.createObjectNode());
    }

    private Reply envelope(int errorCode, String errorMessage, String errorDescription, ObjectNode data) {
        ObjectNode out = json.createObjectNode();
        out.put("errorCode", errorCode);
        out.put("errorMessage", errorMessage);
        out.put("errorDescription", errorDescription);
        out.put("traceId", String.format("E-O.%s.%s-%08x", EA, ADMIN_EMPLOYEE_ID, traceCount.incrementAndGet()));
        out.setAll(data);
        try {
            return Reply.json(json.writeValueAsBytes(out));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render a response", e);
        }
    }
}
