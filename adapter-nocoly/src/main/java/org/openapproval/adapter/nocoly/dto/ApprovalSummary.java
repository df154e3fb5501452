package org.openapproval.adapter.nocoly.dto;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.time.Instant;

/** One execution of W4's list. The W4 shape is not documented: only the id is relied on. */
public record ApprovalSummary(@JsonAlias({"instanceId", "approvalId"}) String id, String processId,
                              String processName, Integer status, Instant createDate) {
}
