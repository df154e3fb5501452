package org.openapproval.benchmarks;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The physical limit for the Fxiaoke provider: the same requests with a plain JDK {@link HttpClient}, the
 * answers read from their bytes by Jackson databind into plain records (one shared {@link ObjectReader} per
 * type, unknown fields ignored per class, times kept as the epoch millis the vendor sends). The same headers
 * and {@code thirdTraceId} as the provider; the envelope's {@code errorCode} is checked.
 */
public final class RawFxiaoke {
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Token(Integer errorCode, String errorMessage, String accessToken, Long expiresIn, String ea) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Instance(String instanceId, String instanceName, String dataId, String triggerType, String state,
                           Long createTime, Long lastModifyTime, Long endTime, String flowApiName,
                           String applicantOpenUserId, Long cancelTime, String objectApiName) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Opinion(String actionType, String opinion, Long replyTime, String openUserId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Task(String id, @JsonAlias("tasks") String type, String state, String flowApiName, Long createTime,
                       Long modifyTime, Long endTime, List<Opinion> opinions,
                       @JsonAlias("unCompleteOpenPersons") List<String> unCompletePersons,
                       @JsonAlias("completePersons") List<String> completeOpenPersons) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Detail(Instance instance, List<Task> tasks) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DetailResponse(Integer errorCode, String errorMessage, String traceId, Detail instanceDetail) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record QueryResult(Long total, List<Instance> instanceList) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record QueryResponse(Integer errorCode, String errorMessage, String traceId, QueryResult queryResult) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TaskRecord(@JsonProperty("_id") String id, String state,
                             @JsonProperty("workflow_instance_id") String workflowInstanceId,
                             @JsonProperty("workflow_id") String workflowId,
                             @JsonProperty("candidate_ids") List<String> candidateIds,
                             @JsonProperty("create_time") Long createTime) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DataResult(List<TaskRecord> dataList, Long total) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DataResponse(Integer errorCode, String errorMessage, String traceId, DataResult data) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Envelope(Integer errorCode, String errorMessage, String traceId) {
    }

    /** A pending task of the user: the instance, its vendor task id and the instance's detail. */
    public record Pending(String instanceId, String taskId, Detail detail) {
    }

    record TokenRequest(String appId, String appSecret, String permanentCode, String grantType) {
    }

    record GetRequest(String instanceId) {
    }

    record ActionRequest(String taskId, String actionType, String opinion) {
    }

    record QueryRequest(String flowApiName, String state, Long startTime, Long endTime, String objectApiName,
                        Integer pageNumber, Integer pageSize) {
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .setDefaultPropertyInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL);
    private static final ObjectReader TOKEN = JSON.readerFor(Token.class);
    private static final ObjectReader DETAIL = JSON.readerFor(DetailResponse.class);
    private static final ObjectReader QUERY = JSON.readerFor(QueryResponse.class);
    private static final ObjectReader DATA = JSON.readerFor(DataResponse.class);
    private static final ObjectReader ENVELOPE = JSON.readerFor(Envelope.class);
    private static final ObjectWriter WRITER = JSON.writer();

    private final HttpClient http;
    private final String base;
    private final String appId;
    private volatile String token;

    private RawFxiaoke(HttpClient http, String base, String appId) {
        this.http = http;
        this.base = base;
        this.appId = appId;
    }

    /** A fresh client: its own HttpClient, no token yet. */
    public static RawFxiaoke connect(String base, String appId) {
        return new RawFxiaoke(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build(), base, appId);
    }

    private String token() {
        String t = token;
        if (t == null) {
            synchronized (this) {
                t = token;
                if (t == null) {
                    Token answer = post("/oauth2.0/token", null, null,
                            new TokenRequest(appId, "secret", "code", "app_secret"), TOKEN);
                    t = answer.accessToken();
                    token = t;
                }
            }
        }
        return t;
    }

    public Detail detail(String instanceId, String user) {
        DetailResponse r = post("/cgi/crm/approvalInstance/get", token(), user, new GetRequest(instanceId), DETAIL);
        check(r.errorCode(), r.errorMessage());
        return r.instanceDetail();
    }

    public List<Pending> pendingTasks(String user) {
        Map<String, Object> request = Map.of("data", Map.of("dataObjectApiName", "ApprovalTaskObj",
                "search_query_info", Map.of("limit", 100, "offset", 0,
                        "filters", List.of(Map.of("field_name", "state", "field_values", List.of("in_progress"),
                                        "operator", "EQ"),
                                Map.of("field_name", "candidate_ids", "field_values", List.of(user),
                                        "operator", "HASANYOF")),
                        "orders", List.of(Map.of("fieldName", "_id", "isAsc", true)))));
        DataResponse r = post("/cgi/crm/v2/data/query", token(), user, request, DATA);
        check(r.errorCode(), r.errorMessage());
        Map<String, Detail> details = new LinkedHashMap<>();
        List<Pending> out = new ArrayList<>();
        for (TaskRecord record : r.data().dataList()) {
            Detail d = details.computeIfAbsent(record.workflowInstanceId(), id -> detail(id, user));
            if (d == null || d.tasks() == null) {
                continue;
            }
            for (Task t : d.tasks()) {
                if (t.id().equals(record.id()) && t.unCompletePersons() != null && t.unCompletePersons().contains(user)) {
                    out.add(new Pending(record.workflowInstanceId(), t.id(), d));
                }
            }
        }
        return out;
    }

    /** Every instance of a flow in a window, page by page; returns how many were read. */
    public long query(String flowApiName, long from, long to, int pageSize) {
        long seen = 0;
        for (int page = 1; ; page++) {
            QueryResponse r = post("/cgi/crm/approvalInstances/query", token(), "1001",
                    new QueryRequest(flowApiName, null, from, to - 1, null, page, pageSize), QUERY);
            check(r.errorCode(), r.errorMessage());
            List<Instance> list = r.queryResult().instanceList();
            seen += list.size();
            if (list.isEmpty() || seen >= r.queryResult().total()) {
                return seen;
            }
        }
    }

    public void action(String taskId, String actionType, String opinion, String user) {
        Envelope r = post("/cgi/crm/approvalTask/action", token(), user, new ActionRequest(taskId, actionType, opinion),
                ENVELOPE);
        check(r.errorCode(), r.errorMessage());
    }

    private <T> T post(String path, String bearer, String user, Object body, ObjectReader reader) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path + "?thirdTraceId=" + UUID.randomUUID()))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(WRITER.writeValueAsBytes(body)));
            if (bearer != null) {
                b.header("Authorization", "Bearer " + bearer);
            }
            if (user != null) {
                b.header("x-fs-userid", user);
            }
            HttpResponse<byte[]> response = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered HTTP " + response.statusCode());
            }
            return reader.readValue(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void check(Integer errorCode, String message) {
        if (errorCode == null || errorCode != 0) {
            throw new IllegalStateException("Fxiaoke error " + errorCode + ": " + message);
        }
    }
}
