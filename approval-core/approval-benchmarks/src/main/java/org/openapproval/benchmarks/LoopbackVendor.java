package org.openapproval.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One loopback HTTP server that answers both vendors' endpoints with their documented example answers,
 * precomputed as bytes. The library and the raw baseline call the same instance, so its cost is the same
 * on both sides. Requests are counted per path (to check that both sides make the same calls).
 *
 * <p>Run the JVM with {@code -Dsun.net.httpserver.nodelay=true}: without it small answers wait for
 * delayed ACKs.
 */
public final class LoopbackVendor implements AutoCloseable {
    /** Processes the paged Fxiaoke query serves in all. */
    public static final int QUERY_TOTAL = 10_000;
    /** Records on the first (and only) page of Fxiaoke's to-do query, each of a different instance. */
    public static final int FX_TASK_PAGE = 10;
    /** Items on the first page of Nocoly's to-do list (the second page is empty). */
    public static final int NOCOLY_TODO_PAGE = 20;

    public static final String FX_INSTANCE_ID = "65e7f1c2a1b2c3d4e5f60719";
    public static final String FX_FLOW = "apprflow_contract__c";
    public static final String NOCOLY_WORKSHEET = "64376661818a042e6c0f1500";
    public static final String NOCOLY_ROW = "c5121734b3904060af0f29bc8c9c3342";
    public static final String NOCOLY_INSTANCE = "69bce862a937e243ac9e9c38";

    private static final Pattern PAGE_NUMBER = Pattern.compile("\"pageNumber\"\\s*:\\s*(\\d+)");
    private static final Pattern PAGE_SIZE = Pattern.compile("\"pageSize\"\\s*:\\s*(\\d+)");
    private static final Pattern PAGE_INDEX = Pattern.compile("\"pageIndex\"\\s*:\\s*(\\d+)");

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, AtomicLong> hits = new ConcurrentHashMap<>();
    private final Map<Long, byte[]> queryPages = new ConcurrentHashMap<>();

    private final byte[] token;
    private final byte[] fxDetail;
    private final byte[] fxTaskPage;
    private final byte[] fxQueryTemplate;
    private final byte[] fxActionOk;
    private final byte[] nocolyDetail;
    private final byte[] nocolyTodoPage;
    private final byte[] nocolyTodoEmpty;
    private final byte[] nocolyBatchOk;

    private LoopbackVendor(int threads) throws IOException {
        token = resource("token.json");
        fxDetail = resource("approval-instance-get.json");
        fxQueryTemplate = resource("approval-instances-query.json");
        fxTaskPage = fxiaokeTaskPage();
        fxActionOk = "{\"errorCode\":0,\"errorMessage\":\"OK\",\"traceId\":\"E-O.6\"}".getBytes(StandardCharsets.UTF_8);
        nocolyDetail = resource("w5-approval-execution-detail.json");
        nocolyTodoPage = nocolyTodoPage();
        nocolyTodoEmpty = "{\"status\":1,\"msg\":\"\",\"data\":[]}".getBytes(StandardCharsets.UTF_8);
        nocolyBatchOk = "{\"status\":1,\"msg\":\"\",\"data\":true}".getBytes(StandardCharsets.UTF_8);

        AtomicInteger n = new AtomicInteger();
        executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "loopback-vendor-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public static LoopbackVendor start() {
        try {
            return new LoopbackVendor(Math.max(4, Runtime.getRuntime().availableProcessors() * 2));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public long hits(String path) {
        AtomicLong c = hits.get(path);
        return c == null ? 0 : c.get();
    }

    public void resetHits() {
        hits.clear();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String path = exchange.getRequestURI().getRawPath();
            hits.computeIfAbsent(path, p -> new AtomicLong()).incrementAndGet();
            byte[] answer = answer(path, body);
            if (answer == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        }
    }

    private byte[] answer(String path, byte[] body) {
        switch (path) {
            case "/oauth2.0/token":
                return token;
            case "/cgi/crm/approvalInstance/get":
                return fxDetail;
            case "/cgi/crm/v2/data/query":
                return fxTaskPage;
            case "/cgi/crm/approvalInstances/query":
                return queryPage(body);
            case "/cgi/crm/approvalTask/action":
                return fxActionOk;
            case "/workflow/v1/instance/getTodoList":
                return number(PAGE_INDEX, body, 1) == 1 ? nocolyTodoPage : nocolyTodoEmpty;
            case "/workflow/v1/instance/batch":
                return nocolyBatchOk;
            default:
                if (path.startsWith("/v3/app/workflow/") && path.contains("/approval/")) {
                    return nocolyDetail;
                }
                return null;
        }
    }

    private static int number(Pattern p, byte[] body, int fallback) {
        Matcher m = p.matcher(new String(body, StandardCharsets.UTF_8));
        return m.find() ? Integer.parseInt(m.group(1)) : fallback;
    }

    /** Page {@code pageNumber} of {@link #QUERY_TOTAL} copies of the documented instance, with distinct ids. */
    private byte[] queryPage(byte[] body) {
        int pageNumber = number(PAGE_NUMBER, body, 1);
        int pageSize = number(PAGE_SIZE, body, 20);
        return queryPages.computeIfAbsent(((long) pageNumber << 32) | pageSize, k -> buildQueryPage(pageNumber, pageSize));
    }

    private byte[] buildQueryPage(int pageNumber, int pageSize) {
        try {
            ObjectNode root = (ObjectNode) json.readTree(fxQueryTemplate);
            ObjectNode result = (ObjectNode) root.get("queryResult");
            ObjectNode template = (ObjectNode) result.get("instanceList").get(0);
            ArrayNode list = json.createArrayNode();
            long first = (long) (pageNumber - 1) * pageSize;
            for (long i = first; i < Math.min(first + pageSize, QUERY_TOTAL); i++) {
                ObjectNode item = template.deepCopy();
                item.put("instanceId", "i-" + i);
                item.put("dataId", "d-" + i);
                item.put("createTime", template.get("createTime").asLong() + i * 1000);
                list.add(item);
            }
            result.put("total", QUERY_TOTAL);
            result.set("instanceList", list);
            return json.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The documented ApprovalTaskObj record, once per instance: a first page of {@link #FX_TASK_PAGE}. */
    private byte[] fxiaokeTaskPage() throws IOException {
        ObjectNode root = (ObjectNode) json.readTree(resource("approval-task-obj-query.json"));
        ObjectNode data = (ObjectNode) root.get("data");
        ObjectNode template = (ObjectNode) data.get("dataList").get(0);
        ArrayNode list = json.createArrayNode();
        for (int i = 0; i < FX_TASK_PAGE; i++) {
            ObjectNode r = template.deepCopy();
            r.put("workflow_instance_id", i == 0 ? FX_INSTANCE_ID : FX_INSTANCE_ID.substring(0, 20) + (1000 + i));
            list.add(r);
        }
        data.put("total", FX_TASK_PAGE);
        data.set("dataList", list);
        return json.writeValueAsBytes(root);
    }

    /**
     * getTodoList's {@code data} is undocumented beyond its field names; items are built from the W5 example's
     * ids and names (the fields the provider reads), {@link #NOCOLY_TODO_PAGE} of them.
     */
    private byte[] nocolyTodoPage() throws IOException {
        ObjectNode root = json.createObjectNode().put("status", 1).put("msg", "");
        ArrayNode list = root.putArray("data");
        for (int i = 0; i < NOCOLY_TODO_PAGE; i++) {
            ObjectNode item = list.addObject();
            item.put("id", NOCOLY_INSTANCE.substring(0, 20) + (1000 + i));
            item.put("workId", "69bce862a937e243ac9e9c44");
            item.put("title", "新增线索 #" + i);
            item.put("processName", "新增线索审批");
            item.putObject("process").put("id", "64376661818a042e6c0f1586").put("name", "新增线索审批");
            item.putObject("createAccount").put("accountId", "d0e9f1d7-ed3d-4284-8d12-77c74313f208")
                    .put("fullName", "大强");
            item.put("createDate", "2026-03-20T14:25:38.000Z");
            item.putObject("flowNode").put("id", "643766f9818a042e6c0f18a5").put("name", "审批1").put("type", 4);
            item.putObject("workItem").put("workId", "69bce862a937e243ac9e9c44")
                    .put("workItemId", "69bce862a937e243ac9e9c45").put("type", 4).put("operationType", 0)
                    .put("receiveTime", "2026-03-20T14:25:38.000Z");
            item.put("worksheetId", NOCOLY_WORKSHEET);
            item.put("rowId", NOCOLY_ROW);
        }
        return json.writeValueAsBytes(root);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = LoopbackVendor.class.getResourceAsStream("/vendor/" + name)) {
            if (in == null) {
                throw new IOException("missing resource /vendor/" + name);
            }
            return in.readAllBytes();
        }
    }
}
