package org.openapproval.adapter.fxiaoke.dto;

/** Answer of {@code /cgi/crm/approvalInstance/get}; {@code instanceDetail} is absent for an unknown id. */
public record ApprovalInstanceGetResponse(Integer errorCode, String errorMessage, String traceId,
                                          ApprovalInstanceDetail instanceDetail) implements FxiaokeEnvelope {
}
