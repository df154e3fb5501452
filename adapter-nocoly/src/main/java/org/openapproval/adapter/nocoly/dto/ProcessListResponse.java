package org.openapproval.adapter.nocoly.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** W1 {@code GET /v3/app/workflow/processes}: {@code data.processes[]}. */
public record ProcessListResponse(Boolean success, @JsonProperty("error_code") Integer errorCode,
                                  @JsonProperty("error_msg") String errorMsg, Data data) implements HapEnvelope {
    public record Data(List<ProcessSummary> processes) {
        public Data {
            processes = processes == null ? List.of() : List.copyOf(processes);
        }
    }
}
