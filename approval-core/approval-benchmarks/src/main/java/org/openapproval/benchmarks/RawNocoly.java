package org.openapproval.benchmarks;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * The physical limit for the Nocoly provider: the same requests (HAP-Appkey/HAP-Sign headers; the
 * organization key's timestamped signature in the query) with a plain JDK {@link HttpClient}, the answers
 * read from their bytes by Jackson databind into plain records (one shared {@link ObjectReader} per type,
 * unknown fields ignored per class, times kept as the ISO-8601 text the vendor sends).
 */
public final class RawNocoly {
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Account(String accountId, String fullName, String fullname) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FlowNode(String id, String name, Integer type) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record File(String fileID, String originalFilename, String filename, String downloadUrl, String viewUrl) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record WorkItem(String workId, String workItemId, Integer type, Account workItemAccount, String receiveTime,
                           String viewTime, Integer operationType, String operationTime, String opinion,
                           Integer opinionType, List<File> files) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Work(String instanceId, String workId, List<WorkItem> workItems, FlowNode flowNode,
                       Boolean countersign, Integer countersignType, Integer sort) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record App(String id, String name) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Detail(String companyId, List<Work> works, WorkItem currentWorkItem, String title,
                         Account ownerAccount, Account createAccount, String createDate, String processName,
                         String processId, String parentId, Boolean isApproval, FlowNode flowNode, App app,
                         Integer instanceType, Integer status, List<String> currentWorkIds) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DetailResponse(Boolean success, @JsonProperty("error_code") Integer errorCode,
                                 @JsonProperty("error_msg") String errorMsg, Detail data) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Process(String id, String name) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TodoWorkItem(String workId, String workItemId, Integer type, Integer operationType,
                               String receiveTime) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TodoItem(String id, String workId, String title, String processName, Process process,
                           Account createAccount, String createDate, FlowNode flowNode, TodoWorkItem workItem,
                           String worksheetId, String rowId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TodoResponse(Integer status, String msg, List<TodoItem> data) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record BatchResponse(Integer status, String msg, Boolean data) {
    }

    record TodoRequest(Integer type, Integer pageIndex, Integer pageSize) {
    }

    record Select(String id, String workId) {
    }

    record BatchRequest(Integer batchOperationType, List<Select> selects, String opinion) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectReader DETAIL = JSON.readerFor(DetailResponse.class);
    private static final ObjectReader TODO = JSON.readerFor(TodoResponse.class);
    private static final ObjectReader BATCH = JSON.readerFor(BatchResponse.class);
    private static final ObjectWriter WRITER = JSON.writer();

    private final HttpClient http;
    private final String base;
    private final String appKey;
    private final String sign;
    private final String orgAppKey;
    private final String orgSecret;

    public RawNocoly(String base, String appKey, String sign, String orgAppKey, String orgSecret) {
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.base = base;
        this.appKey = appKey;
        this.sign = sign;
        this.orgAppKey = orgAppKey;
        this.orgSecret = orgSecret;
    }

    public Detail detail(String worksheetId, String rowId, String instanceId) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/v3/app/workflow/" + encode(worksheetId)
                        + "/rows/" + encode(rowId) + "/approval/" + encode(instanceId)))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("HAP-Appkey", appKey)
                .header("HAP-Sign", sign)
                .GET().build();
        DetailResponse r = send(request, DETAIL);
        if (r.errorCode() != null ? r.errorCode() != 1 : !Boolean.TRUE.equals(r.success())) {
            throw new IllegalStateException("HAP error " + r.errorCode() + ": " + r.errorMsg());
        }
        return r.data();
    }

    /** The first page of the account's pending approvals (items lacking the ids to address them are skipped). */
    public List<TodoItem> pendingTasks(String accountId, int pageSize) {
        TodoResponse r = send(org("/workflow/v1/instance/getTodoList", accountId, new TodoRequest(4, 1, pageSize)), TODO);
        if (r.status() == null || r.status() != 1) {
            throw new IllegalStateException("HAP error: " + r.msg());
        }
        return r.data().stream().filter(i -> i.worksheetId() != null && i.rowId() != null && i.workItem() != null)
                .toList();
    }

    /** Pass (batch operation 4) one work item as the account. */
    public void pass(String accountId, String instanceId, String workId, String opinion) {
        BatchResponse r = send(org("/workflow/v1/instance/batch", accountId,
                new BatchRequest(4, List.of(new Select(instanceId, workId)), opinion)), BATCH);
        if (r.status() == null || r.status() != 1 || Boolean.FALSE.equals(r.data())) {
            throw new IllegalStateException("HAP batch failed: " + r.msg());
        }
    }

    private HttpRequest org(String path, String accountId, Object body) {
        long timestamp = System.currentTimeMillis();
        try {
            return HttpRequest.newBuilder(URI.create(base + path + "?accountId=" + encode(accountId) + "&appKey="
                            + encode(orgAppKey) + "&timestamp=" + timestamp + "&sign="
                            + encode(signature(orgAppKey, orgSecret, timestamp))))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(WRITER.writeValueAsBytes(body))).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String signature(String appKey, String secretKey, long timestamp) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("AppKey=" + appKey + "&SecretKey=" + secretKey
                    + "&Timestamp=" + timestamp).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(HexFormat.of().formatHex(digest).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private <T> T send(HttpRequest request, ObjectReader reader) {
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(request.uri().getPath() + " answered HTTP " + response.statusCode());
            }
            return reader.readValue(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
