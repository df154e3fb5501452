package org.openapproval.tck.example;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.openapproval.sandbox.kit.Fault;
import org.openapproval.sandbox.kit.FaultSchedule;

/**
 * "ExampleVendor": a tiny approval service that lives in the JVM instead of behind HTTP, with its own ids
 * ({@code FLOW-1}, {@code DOC-2}, {@code REQ-3}, {@code VOTE-4}), its own status codes and its own rules. The
 * provider uses it the way a plugin uses a real vendor's API: log in for a session, call, read the reply's
 * status. Its model: a request (on a document, following a flow) passes through stages in order; a stage
 * asks its approvers for votes, and is settled by the first yes ({@code ANY}) or by everyone's yes
 * ({@code ALL}); any no denies the request.
 *
 * <p>The API methods are counted and can misbehave on purpose (see {@link #serve}); the console methods
 * ({@link #createFlow}, {@link #submit}) are how the sandbox seeds data, and are neither. Thread-safe: one
 * lock over the state.
 */
final class ExampleVendor {
    // Reply status codes.
    static final int OK = 0;
    static final int BAD_CREDENTIALS = 4010;
    static final int SESSION_EXPIRED = 4011;
    static final int NOT_YOUR_VOTE = 4030;
    static final int NOT_FOUND = 4040;
    static final int VOTE_CLOSED = 4090;
    static final int SLOW_DOWN = 4290;
    static final int BUSY = 5030;
    /** Not sent by the vendor: its answer was garbled on the way (the sandbox's MALFORMED_RESPONSE). */
    static final int UNREADABLE = -1;

    // Request, stage and vote statuses.
    static final int REQUEST_OPEN = 10;
    static final int REQUEST_APPROVED = 20;
    static final int REQUEST_DENIED = 30;
    static final int STAGE_NOT_REACHED = 0;
    static final int STAGE_ACTIVE = 1;
    static final int STAGE_PASSED = 2;
    static final int STAGE_FAILED = 3;
    static final int VOTE_OPEN = 1;
    static final int VOTE_YES = 2;
    static final int VOTE_NO = 3;
    /** Closed without a vote: someone else settled the stage, or the request was denied. */
    static final int VOTE_VOID = 4;

    static final String ANY = "ANY";
    static final String ALL = "ALL";

    /** What every API call returns: a status, a message, and the body when the status is {@link #OK}. */
    record Reply<T>(int status, String message, T body) {
        static <T> Reply<T> ok(T body) {
            return new Reply<>(OK, "ok", Objects.requireNonNull(body, "body"));
        }

        static <T> Reply<T> error(int status, String message) {
            return new Reply<>(status, message, null);
        }
    }

    record Person(String id, String name) {
    }

    record Vote(String id, Person voter, int status, String comment, Instant openedAt, Instant decidedAt) {
        Vote cast(int outcome, String text, Instant at) {
            return new Vote(id, voter, outcome, text, openedAt, at);
        }
    }

    record Stage(String name, String rule, List<Person> approvers, int status, List<Vote> votes) {
        Stage {
            approvers = List.copyOf(approvers);
            votes = List.copyOf(votes);
        }

        Stage with(int nextStatus, List<Vote> nextVotes) {
            return new Stage(name, rule, approvers, nextStatus, nextVotes);
        }
    }

    record Request(String id, String flowId, String flowName, String documentId, String title, Person submitter,
            int status, Instant submittedAt, Instant closedAt, List<Stage> stages) {
        Request {
            stages = List.copyOf(stages);
        }

        Request with(int nextStatus, Instant closed, List<Stage> nextStages) {
            return new Request(id, flowId, flowName, documentId, title, submitter, nextStatus, submittedAt, closed,
                    nextStages);
        }
    }

    /** One open vote, as the vendor's inbox lists it. */
    record InboxItem(String requestId, String flowId, String flowName, String documentId, String stageName,
            Vote vote) {
    }

    /** A stage to submit: its name, {@link #ANY} or {@link #ALL}, and its approvers in order. */
    record StageSpec(String name, String rule, List<Person> approvers) {
    }

    private final Clock clock;
    private final String tenant;
    private final String apiKey;
    private final FaultSchedule faults;
    private final AtomicLong requests = new AtomicLong();
    private final Set<String> sessions = new HashSet<>();
    private final Map<String, String> flowsByName = new LinkedHashMap<>();
    private final Map<String, Request> requestsById = new LinkedHashMap<>();
    private long lastId;

    ExampleVendor(Clock clock, String tenant, String apiKey, FaultSchedule faults) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tenant = Objects.requireNonNull(tenant, "tenant");
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
        this.faults = Objects.requireNonNull(faults, "faults");
    }

    long requestCount() {
        return requests.get();
    }

    // ------------------------------------------------------------------ API

    /** A session token for the tenant. The message never repeats the key it was given. */
    Reply<String> login(String tenantId, String key) {
        return serve(false, () -> {
            if (!tenant.equals(tenantId) || !apiKey.equals(key)) {
                return Reply.error(BAD_CREDENTIALS, "unknown tenant or wrong API key");
            }
            String session = nextId("S");
            sessions.add(session);
            return Reply.ok(session);
        });
    }

    Reply<Request> request(String session, String requestId) {
        return serve(false, inSession(session, () -> Optional.ofNullable(requestsById.get(requestId))
                .map(Reply::ok).orElseGet(() -> Reply.error(NOT_FOUND, "no request " + requestId))));
    }

    /** The requests on one document, oldest first; none for an unknown document. */
    Reply<List<Request>> requestsOf(String session, String documentId) {
        return serve(false, inSession(session, () -> Reply.ok(requestsById.values().stream()
                .filter(r -> r.documentId().equals(documentId)).toList())));
    }

    /** The open votes of one person, oldest first. */
    Reply<List<InboxItem>> inbox(String session, String voterId) {
        return serve(false, inSession(session, () -> {
            List<InboxItem> items = new ArrayList<>();
            for (Request r : requestsById.values()) {
                for (Stage s : r.stages()) {
                    s.votes().stream().filter(v -> v.status() == VOTE_OPEN && v.voter().id().equals(voterId))
                            .forEach(v -> items.add(new InboxItem(r.id(), r.flowId(), r.flowName(), r.documentId(),
                                    s.name(), v)));
                }
            }
            return Reply.ok(List.copyOf(items));
        }));
    }

    /** Casts a yes or no on an open vote of the voter; answers the vote's new status. */
    Reply<Integer> vote(String session, String voteId, String voterId, boolean yes, String comment) {
        return serve(true, inSession(session, () -> {
            Request request = requestsById.values().stream()
                    .filter(r -> r.stages().stream().flatMap(s -> s.votes().stream())
                            .anyMatch(v -> v.id().equals(voteId)))
                    .findFirst().orElse(null);
            if (request == null) {
                return Reply.error(NOT_FOUND, "no vote " + voteId);
            }
            int stageIndex = activeStage(request);
            Stage stage = stageIndex < 0 ? null : request.stages().get(stageIndex);
            Vote vote = stage == null ? null
                    : stage.votes().stream().filter(v -> v.id().equals(voteId)).findFirst().orElse(null);
            if (vote == null || vote.status() != VOTE_OPEN) {
                return Reply.error(VOTE_CLOSED, "vote " + voteId + " is closed");
            }
            if (!vote.voter().id().equals(voterId)) {
                return Reply.error(NOT_YOUR_VOTE, "vote " + voteId + " belongs to " + vote.voter().id());
            }
            Vote cast = vote.cast(yes ? VOTE_YES : VOTE_NO, comment, clock.instant());
            requestsById.put(request.id(), afterVote(request, stageIndex, cast));
            return Reply.ok(cast.status());
        }));
    }

    // ------------------------------------------------------------------ console (seeding; not counted)

    /** The flow of that name, created on first use. */
    synchronized String createFlow(String name) {
        return flowsByName.computeIfAbsent(name, n -> nextId("FLOW"));
    }

    /** A new document submitted for approval along these stages; the first stage is reached at once. */
    synchronized Request submit(String flowName, String title, Person submitter, List<StageSpec> specs) {
        if (specs.isEmpty()) {
            throw new IllegalArgumentException("a request needs at least one stage");
        }
        Instant now = clock.instant();
        List<Stage> stages = specs.stream()
                .map(s -> new Stage(s.name(), s.rule(), s.approvers(), STAGE_NOT_REACHED, List.of())).toList();
        Request request = new Request(nextId("REQ"), createFlow(flowName), flowName, nextId("DOC"), title,
                submitter, REQUEST_OPEN, now, null, stages);
        request = reach(request, 0, now);
        requestsById.put(request.id(), request);
        return request;
    }

    // ------------------------------------------------------------------ rules

    private Request afterVote(Request request, int stageIndex, Vote cast) {
        Instant now = cast.decidedAt();
        Stage stage = request.stages().get(stageIndex);
        List<Vote> votes = stage.votes().stream().map(v -> v.id().equals(cast.id()) ? cast : v).toList();
        boolean yes = cast.status() == VOTE_YES;
        boolean settled = !yes || stage.rule().equals(ANY) || votes.stream().noneMatch(v -> v.status() == VOTE_OPEN);
        if (!settled) {
            return withStage(request, stageIndex, stage.with(STAGE_ACTIVE, votes));
        }
        List<Vote> closed = votes.stream()
                .map(v -> v.status() == VOTE_OPEN ? v.cast(VOTE_VOID, null, null) : v).toList();
        Request next = withStage(request, stageIndex, stage.with(yes ? STAGE_PASSED : STAGE_FAILED, closed));
        return yes ? reach(next, stageIndex + 1, now) : next.with(REQUEST_DENIED, now, next.stages());
    }

    /** Opens the stage at {@code index} with one open vote per approver, or approves the request after the last. */
    private Request reach(Request request, int index, Instant now) {
        if (index == request.stages().size()) {
            return request.with(REQUEST_APPROVED, now, request.stages());
        }
        Stage stage = request.stages().get(index);
        List<Vote> votes = stage.approvers().stream()
                .map(p -> new Vote(nextId("VOTE"), p, VOTE_OPEN, null, now, null)).toList();
        return withStage(request, index, stage.with(STAGE_ACTIVE, votes));
    }

    private static Request withStage(Request request, int index, Stage stage) {
        List<Stage> stages = new ArrayList<>(request.stages());
        stages.set(index, stage);
        return request.with(request.status(), request.closedAt(), stages);
    }

    private static int activeStage(Request request) {
        for (int i = 0; i < request.stages().size(); i++) {
            if (request.stages().get(i).status() == STAGE_ACTIVE) {
                return i;
            }
        }
        return -1;
    }

    private String nextId(String prefix) {
        return prefix + "-" + (++lastId);
    }

    // ------------------------------------------------------------------ serving

    /** The session check every API call but login makes first. */
    private <T> Supplier<Reply<T>> inSession(String session, Supplier<Reply<T>> call) {
        return () -> sessions.contains(session) ? call.get() : Reply.error(SESSION_EXPIRED, "session expired");
    }

    /**
     * Counts the call, lets the oldest queued fault act on it, then runs it under the lock. Write faults
     * happen before the write except MALFORMED_RESPONSE, which applies it and loses the answer.
     */
    private <T> Reply<T> serve(boolean write, Supplier<Reply<T>> call) {
        requests.incrementAndGet();
        Optional<Fault> fault = faults.take(write);
        boolean garble = false;
        if (fault.isPresent()) {
            switch (fault.get().kind()) {
                case LATENCY -> pause(fault.get().latency());
                case VENDOR_UNAVAILABLE -> {
                    return Reply.error(BUSY, "service unavailable, nothing was done");
                }
                case RATE_LIMITED -> {
                    return Reply.error(SLOW_DOWN, "too many requests");
                }
                case EXPIRED_CREDENTIALS -> expireSessions();
                case MALFORMED_RESPONSE -> garble = true;
            }
        }
        Reply<T> reply;
        synchronized (this) {
            reply = call.get();
        }
        return garble ? Reply.error(UNREADABLE, "answer garbled in transit") : reply;
    }

    private synchronized void expireSessions() {
        sessions.clear();
    }

    private static void pause(Duration latency) {
        try {
            Thread.sleep(latency.toMillis()); // simulated vendor latency, not synchronisation
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
