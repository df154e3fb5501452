package org.openapproval.sandbox.nocoly;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.openapproval.core.domain.ProcessId;
import org.openapproval.core.domain.RecordRef;
import org.openapproval.sandbox.kit.DefinitionSeed;
import org.openapproval.sandbox.kit.Fault;
import org.openapproval.sandbox.kit.FaultSchedule;
import org.openapproval.sandbox.kit.FaultSchedule.ForcedError;
import org.openapproval.sandbox.kit.HostileText;
import org.openapproval.sandbox.kit.LoopbackHttpServer;
import org.openapproval.sandbox.kit.LoopbackHttpServer.QueryDecoding;
import org.openapproval.sandbox.kit.LoopbackHttpServer.Reply;
import org.openapproval.sandbox.kit.LoopbackHttpServer.Request;
import org.openapproval.sandbox.kit.ProcessSeed;
import org.openapproval.sandbox.kit.Hostile;
import org.openapproval.sandbox.kit.ProviderSandbox;
import org.openapproval.sandbox.kit.SeededProcess;
import org.openapproval.sandbox.nocoly.Endpoint.Family;
import org.openapproval.sandbox.nocoly.Router.Route;
import org.openapproval.sandbox.nocoly.WorkflowStore.Seeded;

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
 *
 * <p>This class is the lifecycle, the controls and that pipeline; the parts live beside it: {@link Router}
 * (paths), {@link Authenticator} (both credential checks), {@link AppEndpoints} and {@link OrgEndpoints}
 * (the two API families), {@link RequestBodies} and {@link Envelopes} (the wire format of requests and
 * replies), {@link WorkflowStore} (the vendor's state, rendered by {@link WireFormat}).
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
    /** The most recent requests; bounded so a long-running demo does not grow without end. */
    static final int MAX_RECORDED = LoopbackHttpServer.MAX_RECORDED;

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

    private final Clock clock;
    private final WorkflowStore store;
    private final Authenticator auth = new Authenticator(APP_KEY, APP_SIGN, ORG_APP_KEY, ORG_SECRET_KEY,
            TIMESTAMP_WINDOW);
    private final Envelopes envelopes;
    private final AppEndpoints app;
    private final OrgEndpoints org;
    private final FaultSchedule faults = new FaultSchedule();
    private final LoopbackHttpServer http;
    private final URI endpoint;
    private volatile Sleeper sleeper = d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);

    private NocolySandbox(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.store = new WorkflowStore(new WireFormat(clock.getZone()), clock.instant());
        ObjectMapper json = new ObjectMapper();
        RequestBodies bodies = new RequestBodies(json);
        this.envelopes = new Envelopes(json);
        this.app = new AppEndpoints(store, bodies, envelopes);
        this.org = new OrgEndpoints(store, bodies, envelopes);
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

    /**
     * Caps the items a page of the organization to-do list ({@code getTodoList}) answers; any size of at least
     * 1 is applied (HAP documents no maximum for it), 0 restores answering as many as asked. HAP has no process
     * query, so nothing else pages.
     */
    @Override
    public boolean pageSize(int size) {
        if (size < 0) {
            return false;
        }
        store.todoPageCap(size);
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
        app.answerHooksWithBareOutputs(bare);
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
        Route route = Router.route(in.method(), in.rawPath());
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
                    return envelopes.error(ep.family, ErrorCodes.THROTTLED, "请求限流 (request throttled)");
                }
                case EXPIRED_CREDENTIALS -> {
                    // UNVERIFIED analogue: HAP app signs do not expire, so "expired" credentials are answered
                    // like wrong ones (10102) and a client cannot recover by refreshing.
                    return envelopes.error(ep.family, ErrorCodes.SIGN_INVALID, "签名不合法 (signature invalid)");
                }
                case MALFORMED_RESPONSE -> garble = true;
                case ECHOING_ERROR -> {
                    return envelopes.error(ep.family, ErrorCodes.PARAMETER_VALUE, HostileText.echoOf(in));
                }
                case CONTROL_CHARACTERS_IN_ERROR -> {
                    return envelopes.error(ep.family, ErrorCodes.PARAMETER_VALUE, HostileText.CONTROL_SEQUENCES);
                }
                case DRIPPING_BODY, ENDLESS_CHUNKED_BODY, HUGE_BODY, RESET_AFTER_APPLY -> {
                    // applied as usual, then the answer misbehaves
                    return Hostile.deliver(dispatch(ep, route.params(), in), fault.get());
                }
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

    /** A forced error code, then authentication, then the endpoint; a refusal becomes the family's error envelope. */
    private Reply dispatch(Endpoint ep, List<String> params, Request in) {
        Optional<ForcedError> forced = faults.takeForced();
        if (forced.isPresent()) {
            return envelopes.error(ep.family, forced.get().code(), forced.get().message());
        }
        Instant now = clock.instant();
        try {
            if (ep.family == Family.V3) {
                auth.checkApp(in.headers());
                return app.handle(ep, params, in.body(), now);
            }
            String accountId = auth.checkOrg(in.query(), now);
            return org.handle(ep, accountId, in.body(), now);
        } catch (VendorError e) {
            return envelopes.error(ep.family, e.code(), e.getMessage());
        }
    }
}
