package org.openapproval.adapter.nocoly.client;

import com.fasterxml.jackson.databind.JsonNode;
import feign.Headers;
import feign.Param;
import feign.RequestLine;
import java.util.Map;

/**
 * W3 {@code POST /v3/app/workflow/hooks/{process_id}}: a write, built with a retryer that never repeats.
 * The answer is kept as a tree because the docs show two shapes (the envelope, or the bare outputs).
 */
@Headers("Content-Type: application/json")
public interface NocolyHookApi {

    @RequestLine(value = "POST /v3/app/workflow/hooks/{processId}", decodeSlash = false)
    JsonNode trigger(@Param("processId") String processId, Map<String, String> inputs);
}
