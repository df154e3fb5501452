package org.openapproval.adapter.fxiaoke.dto;

import java.time.Instant;

/** One person's reply on a task ({@code opinions[]} of {@code approvalInstance/get}). */
public record ApprovalOpinion(String actionType, String opinion, Instant replyTime, String openUserId) {
}
