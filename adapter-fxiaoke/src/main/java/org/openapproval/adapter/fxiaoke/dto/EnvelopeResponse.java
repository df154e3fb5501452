package org.openapproval.adapter.fxiaoke.dto;

/** The answer of the write endpoints: the envelope only. */
public record EnvelopeResponse(Integer errorCode, String errorMessage, String traceId) implements FxiaokeEnvelope {
}
