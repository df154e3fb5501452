package org.openapproval.adapter.nocoly.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** W2 {@code GET /v3/app/workflow/processes/{process_id}}. */
public record ProcessDetailResponse(Boolean success, @JsonProperty("error_code") Integer errorCode,
                                    @JsonProperty("error_msg") String errorMsg, Data data) implements HapEnvelope {
    public record Data(String id, String name, String description, List<ProcessInputParameter> inputParameters) {
        public Data {
            inputParameters = inputParameters == null ? List.of() : List.copyOf(inputParameters);
        }
    }
}
