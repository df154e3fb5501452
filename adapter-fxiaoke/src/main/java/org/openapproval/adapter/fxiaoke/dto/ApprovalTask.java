package org.openapproval.adapter.fxiaoke.dto;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.time.Instant;
import java.util.List;

/**
 * One node-task of an instance ({@code instanceDetail.tasks[]}): a Fxiaoke task covers all the persons of
 * a node. The doc table and the public SDKs disagree on some names, so both spellings are accepted.
 */
public record ApprovalTask(String id,
                           // the doc table calls this field "tasks" (a typo); SDKs and examples use "type"
                           @JsonAlias("tasks") String type,
                           String state, String flowApiName, Instant createTime, Instant modifyTime,
                           Instant endTime, List<ApprovalOpinion> opinions,
                           @JsonAlias("unCompleteOpenPersons") List<String> unCompletePersons,
                           @JsonAlias("completePersons") List<String> completeOpenPersons) {
    public ApprovalTask {
        opinions = opinions == null ? List.of() : List.copyOf(opinions);
        unCompletePersons = unCompletePersons == null ? List.of() : List.copyOf(unCompletePersons);
        completeOpenPersons = completeOpenPersons == null ? List.of() : List.copyOf(completeOpenPersons);
    }
}
